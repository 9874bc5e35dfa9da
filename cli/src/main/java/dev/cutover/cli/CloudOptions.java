package dev.cutover.cli;

import dev.cutover.core.source.Endpoints;
import dev.cutover.core.source.InventorySources;
import dev.cutover.core.spi.Providers;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Endpoint overrides, for every command that reaches a cloud. Credentials always come from each
 * cloud's default chain; a loopback endpoint (the sandbox) needs none.
 */
public final class CloudOptions {

  /** The environment variable read when {@code --azure-endpoint} is absent. */
  static final String AZURE_ENDPOINT_ENV = "CUTOVER_AZURE_ENDPOINT";

  @Option(
      names = "--aws-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:AWS_ENDPOINT_URL}",
      converter = CloudOptions.EndpointConverter.class,
      description =
          "AWS API endpoint for every service (the sandbox, a VPC endpoint); default:"
              + " AWS_ENDPOINT_URL, else the SDK's own resolution.")
  URI awsEndpoint;

  @Option(
      names = "--azure-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:" + AZURE_ENDPOINT_ENV + "}",
      converter = CloudOptions.EndpointConverter.class,
      description =
          "Azure Resource Manager endpoint (the sandbox, a sovereign cloud); default: "
              + AZURE_ENDPOINT_ENV
              + ", else https://management.azure.com/. Plain http only on loopback.")
  URI azureEndpoint;

  /** An endpoint: an absolute http(s) URL with a host. */
  static final class EndpointConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      URI uri;
      try {
        uri = new URI(value.trim());
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an absolute URL; expected e.g. http://127.0.0.1:4566");
      }
      return uri;
    }
  }

  /** The overrides given, by provider id. */
  public Endpoints endpoints() {
    return endpoints(awsEndpoint, azureEndpoint);
  }

  /** AWS and Azure endpoint overrides (null for a cloud's default). */
  static Endpoints endpoints(URI aws, URI azure) {
    return Endpoints.none().with("aws", aws).with("azure", azure);
  }

  /** True if an endpoint was given by flag or environment. */
  boolean anyGiven() {
    return awsEndpoint != null || azureEndpoint != null;
  }

  /** Loads sides with the providers on the class path, progress on stderr. */
  static InventorySources sources(CommandSpec spec, Endpoints endpoints) {
    return new InventorySources(Providers.load(), endpoints, Console.progress(spec));
  }
}
