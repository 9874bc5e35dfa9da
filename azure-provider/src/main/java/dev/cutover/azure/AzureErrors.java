package dev.cutover.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Translates Azure SDK exceptions, once, at the provider edge, into a {@link CutoverException} that
 * says what failed and what to do. Error codes are those of Azure Resource Manager ("Troubleshoot
 * common Azure deployment errors": AuthorizationFailed, ResourceGroupNotFound, ...).
 */
public final class AzureErrors {

  private AzureErrors() {}

  /**
   * The SDK blocks on Reactor, which wraps an interrupt in a runtime exception: when the cause
   * chain holds an {@link InterruptedException}, the thread's interrupt flag is restored here.
   *
   * @param e what the SDK threw (after its own retries)
   * @param action the Azure RBAC action of the call, e.g. {@code
   *     Microsoft.Network/networkSecurityGroups/read}
   * @param where the subscription, resource group or resource the call was about
   */
  public static CutoverException translate(RuntimeException e, String action, String where) {
    if (causedBy(e, InterruptedException.class) != null) {
      Thread.currentThread().interrupt();
    }
    String prefix = "azure " + where + ": " + action;
    if (e instanceof CutoverException ours) {
      return ours;
    }
    if (e instanceof CredentialUnavailableException || e instanceof ClientAuthenticationException) {
      return new CutoverException(
          "azure " + where + ": no usable Azure credential: " + firstLine(e.getMessage()),
          "run 'az login', or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET",
          false,
          e);
    }
    if (e instanceof HttpResponseException http) {
      int status = http.getResponse() == null ? 0 : http.getResponse().getStatusCode();
      String code = null;
      String detail = "";
      if (e instanceof ManagementException management && management.getValue() != null) {
        code = management.getValue().getCode();
        detail =
            management.getValue().getMessage() == null
                ? ""
                : ": " + firstLine(management.getValue().getMessage());
      }
      if (status == 403 || "AuthorizationFailed".equals(code)) {
        return new CutoverException(
            prefix + " was refused (" + (code == null ? "HTTP 403" : code) + ")" + detail,
            "grant " + action + " on " + where + " (e.g. the Reader role)",
            false,
            e);
      }
      if (status == 401 || "InvalidAuthenticationToken".equals(code)) {
        return new CutoverException(
            prefix + " was refused: the credential is not valid" + detail,
            "run 'az login' again, or check the service principal",
            false,
            e);
      }
      if (status == 404) {
        return new CutoverException(
            prefix + " found nothing (" + (code == null ? "HTTP 404" : code) + ")" + detail,
            "check the subscription id, resource group and names",
            false,
            e);
      }
      if (status == 429) {
        return new CutoverException(
            prefix + " was throttled (HTTP 429) and the retries ran out",
            "run again later",
            true,
            e);
      }
      if (status >= 500) {
        return new CutoverException(
            prefix + " failed on the Azure side (HTTP " + status + ")" + detail,
            "run again; the call is safe to retry",
            true,
            e);
      }
      return new CutoverException(
          prefix + " failed (" + (code == null ? "HTTP " + status : code) + ")" + detail,
          null,
          false,
          e);
    }
    Throwable root = rootCause(e);
    Throwable unreachable =
        causedBy(
            e,
            ConnectException.class,
            UnknownHostException.class,
            HttpConnectTimeoutException.class);
    if (unreachable != null) {
      return new CutoverException(
          prefix
              + " could not reach the endpoint: "
              + unreachable.getClass().getSimpleName()
              + (unreachable.getMessage() == null ? "" : " " + unreachable.getMessage()),
          "check --azure-endpoint and the network",
          true,
          e);
    }
    if (root instanceof TimeoutException
        || root instanceof IOException
        || e instanceof UncheckedIOException) {
      return new CutoverException(
          prefix + " failed: " + firstLine(root.toString()), "run again", true, e);
    }
    return new CutoverException(
        prefix + " failed: " + firstLine(String.valueOf(e.getMessage())), e);
  }

  /**
   * The first throwable of one of these types anywhere in the cause chain, or null: the JDK
   * client's {@link ConnectException} carries a cause of its own (a closed channel), so a connect
   * failure is not always the root.
   */
  @SafeVarargs
  private static Throwable causedBy(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
