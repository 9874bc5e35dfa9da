package dev.cutover.sandbox.state;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The record sets of each hosted zone and the changes made to them, in memory for the life of the
 * sandbox. Documents are those of the Route 53 API Reference (2013-04-01): {@code
 * ListResourceRecordSets}, {@code ChangeResourceRecordSets}, {@code GetChange}.
 */
final class Route53State {

  static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";

  /** Route 53's default and largest page for ListResourceRecordSets. */
  static final int MAX_ITEMS = 300;

  private static final char[] CHANGE_ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  /** A submitted change batch. */
  private record Change(String id, Instant submittedAt, Instant insyncAt, String comment) {}

  private final Map<String, List<Element>> zones = new HashMap<>();
  private final Map<String, Change> changes = new HashMap<>();
  private final Document store = newDocument();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Route53State(Clock clock) {
    this.clock = clock;
  }

  /**
   * {@code GET /2013-04-01/hostedzone/ZONE/rrset}: the zone's record sets in Route 53 order (names
   * with labels reversed, then type, then SetIdentifier) from {@code name}/{@code type}/{@code
   * identifier}, at most {@code maxitems}.
   *
   * @param initial the stub's body, a {@code ListResourceRecordSetsResponse}: the zone's state when
   *     it is first used
   */
  synchronized Answer list(String zone, String initial, Map<String, String> query) {
    List<Element> records = zone(zone, initial);
    Key start =
        query.get("name") == null
            ? null
            : new Key(query.get("name"), query.get("type"), query.get("identifier"));
    int max = query.get("maxitems") == null ? MAX_ITEMS : Integer.parseInt(query.get("maxitems"));
    Document out = newDocument();
    Element root = out.createElementNS(NAMESPACE, "ListResourceRecordSetsResponse");
    out.appendChild(root);
    Element sets = child(out, root, "ResourceRecordSets", null);
    int from = 0;
    while (start != null
        && from < records.size()
        && Key.ORDER.compare(Key.of(records.get(from)), start) < 0) {
      from++;
    }
    int to = Math.min(records.size(), from + max);
    for (Element record : records.subList(from, to)) {
      sets.appendChild(copy(out, record));
    }
    child(out, root, "IsTruncated", Boolean.toString(to < records.size()));
    if (to < records.size()) {
      Key next = Key.of(records.get(to));
      child(out, root, "NextRecordName", text(records.get(to), "Name"));
      child(out, root, "NextRecordType", next.type());
      if (!next.identifier().isEmpty()) {
        child(out, root, "NextRecordIdentifier", next.identifier());
      }
    }
    child(out, root, "MaxItems", Integer.toString(max));
    return Answer.xml(200, write(out));
  }

  /**
   * {@code POST /2013-04-01/hostedzone/ZONE/rrset/}: applies the batch (CREATE, DELETE, UPSERT) as
   * one, or nothing if a change is invalid ({@code InvalidChangeBatch}, HTTP 400).
   *
   * @param delay how long the change stays {@code PENDING}
   */
  synchronized Answer change(String zone, String initial, String request, Duration delay) {
    List<Element> records = new ArrayList<>(zone(zone, initial));
    Document batch = parse(request);
    String comment = null;
    NodeList comments = batch.getElementsByTagName("Comment");
    if (comments.getLength() > 0) {
      comment = comments.item(0).getTextContent();
    }
    NodeList changeList = batch.getElementsByTagName("Change");
    if (changeList.getLength() == 0) {
      return error(400, "InvalidChangeBatch", "a ChangeBatch needs at least one Change");
    }
    for (int i = 0; i < changeList.getLength(); i++) {
      Element change = (Element) changeList.item(i);
      String action = text(change, "Action");
      Element set = (Element) change.getElementsByTagName("ResourceRecordSet").item(0);
      if (action == null || set == null) {
        return error(400, "InvalidInput", "each Change needs an Action and a ResourceRecordSet");
      }
      String weight = text(set, "Weight");
      if (weight != null && !(weight.matches("\\d{1,3}") && Integer.parseInt(weight) <= 255)) {
        return error(400, "InvalidInput", "Weight " + weight + " is not an integer from 0 to 255");
      }
      Key key = Key.of(set);
      int index = indexOf(records, key);
      switch (action) {
        case "CREATE" -> {
          if (index >= 0) {
            return error(
                400,
                "InvalidChangeBatch",
                "Tried to create resource record set " + key + " but it already exists");
          }
          records.add((Element) store.importNode(set, true));
        }
        case "DELETE" -> {
          if (index < 0) {
            return error(
                400,
                "InvalidChangeBatch",
                "Tried to delete resource record set " + key + " but it was not found");
          }
          records.remove(index);
        }
        case "UPSERT" -> {
          Element copy = (Element) store.importNode(set, true);
          if (index >= 0) {
            records.set(index, copy);
          } else {
            records.add(copy);
          }
        }
        default -> {
          return error(
              400, "InvalidInput", "Action " + action + " is not CREATE, DELETE or UPSERT");
        }
      }
    }
    records.sort(Comparator.comparing(Key::of, Key.ORDER));
    zones.put(zone, records);
    Instant now = clock.instant();
    Change change = new Change(newChangeId(), now, now.plus(delay), comment);
    changes.put(change.id(), change);
    return Answer.xml(200, changeInfo("ChangeResourceRecordSetsResponse", change));
  }

  /** {@code GET /2013-04-01/change/ID}: {@code PENDING} until the change's delay has passed. */
  synchronized Answer getChange(String id) {
    Change change = changes.get(id);
    if (change == null) {
      return error(404, "NoSuchChange", "A change with the specified change ID does not exist.");
    }
    return Answer.xml(200, changeInfo("GetChangeResponse", change));
  }

  private List<Element> zone(String zone, String initial) {
    return zones.computeIfAbsent(
        zone,
        z -> {
          List<Element> records = new ArrayList<>();
          if (initial != null && !initial.isBlank()) {
            NodeList sets = parse(initial).getElementsByTagName("ResourceRecordSet");
            for (int i = 0; i < sets.getLength(); i++) {
              records.add((Element) store.importNode(sets.item(i), true));
            }
          }
          records.sort(Comparator.comparing(Key::of, Key.ORDER));
          return records;
        });
  }

  private String changeInfo(String rootName, Change change) {
    Document out = newDocument();
    Element root = out.createElementNS(NAMESPACE, rootName);
    out.appendChild(root);
    Element info = child(out, root, "ChangeInfo", null);
    child(out, info, "Id", "/change/" + change.id());
    boolean insync = !clock.instant().isBefore(change.insyncAt());
    child(out, info, "Status", insync ? "INSYNC" : "PENDING");
    child(out, info, "SubmittedAt", change.submittedAt().toString());
    if (change.comment() != null) {
      child(out, info, "Comment", change.comment());
    }
    return write(out);
  }

  private String newChangeId() {
    StringBuilder id = new StringBuilder("C");
    for (int i = 0; i < 13; i++) {
      id.append(CHANGE_ID_CHARS[random.nextInt(CHANGE_ID_CHARS.length)]);
    }
    return id.toString();
  }

  /** An error document as Route 53 answers it ({@code ErrorResponse/Error/Code}). */
  static Answer error(int status, String code, String message) {
    Document out = newDocument();
    Element root = out.createElementNS(NAMESPACE, "ErrorResponse");
    out.appendChild(root);
    Element error = child(out, root, "Error", null);
    child(out, error, "Type", "Sender");
    child(out, error, "Code", code);
    child(out, error, "Message", message);
    child(out, root, "RequestId", UUID.randomUUID().toString());
    return Answer.xml(status, write(out));
  }

  private static int indexOf(List<Element> records, Key key) {
    for (int i = 0; i < records.size(); i++) {
      if (Key.ORDER.compare(Key.of(records.get(i)), key) == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The identity of a record set: name (lower case, with the trailing dot), type and SetIdentifier
   * ("" for none), ordered as Route 53 lists them.
   */
  private record Key(String name, String type, String identifier) {

    static final Comparator<Key> ORDER =
        Comparator.comparing((Key k) -> reversedLabels(k.name()))
            .thenComparing(k -> k.type() == null ? "" : k.type())
            .thenComparing(k -> k.identifier() == null ? "" : k.identifier());

    Key {
      name = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("\\052", "*");
      name = name.endsWith(".") ? name : name + ".";
      type = type == null ? "" : type.toUpperCase(Locale.ROOT);
      identifier = identifier == null ? "" : identifier;
    }

    static Key of(Element set) {
      return new Key(text(set, "Name"), text(set, "Type"), text(set, "SetIdentifier"));
    }

    private static String reversedLabels(String name) {
      String[] labels = name.substring(0, name.length() - 1).split("\\.");
      StringBuilder reversed = new StringBuilder();
      for (int i = labels.length - 1; i >= 0; i--) {
        reversed.append(labels[i]).append('.');
      }
      return reversed.toString();
    }

    @Override
    public String toString() {
      return "[name='"
          + name
          + "', type='"
          + type
          + "'"
          + (identifier.isEmpty() ? "" : ", set-identifier='" + identifier + "'")
          + "]";
    }
  }

  /** The text of the first direct child element with this local name, or null. */
  static String text(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(localName(element))) {
        return element.getTextContent().trim();
      }
    }
    return null;
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static Element child(Document doc, Element parent, String name, String text) {
    Element child = doc.createElementNS(NAMESPACE, name);
    if (text != null) {
      child.setTextContent(text);
    }
    parent.appendChild(child);
    return child;
  }

  /** A deep copy of a stored record set in the response's namespace. */
  private static Element copy(Document doc, Element source) {
    Element copy = doc.createElementNS(NAMESPACE, localName(source));
    for (Node node = source.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        copy.appendChild(copy(doc, element));
      } else if (node.getNodeType() == Node.TEXT_NODE && !node.getTextContent().isBlank()) {
        copy.appendChild(doc.createTextNode(node.getTextContent().trim()));
      }
    }
    return copy;
  }

  static Document parse(String xml) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not a Route 53 XML document: " + e.getMessage(), e);
    }
  }

  private static Document newDocument() {
    try {
      return factory().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory;
  }

  private static String write(Document doc) {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }
}
