package dev.cutover.aws;

import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK exceptions, once, at the provider edge, into a {@link CutoverException} that
 * says what failed and what to do. Error codes are those of the AWS API references ("Common Errors"
 * of the EC2, ELBv2, RDS and Route 53 references).
 */
public final class AwsErrors {

  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess");
  private static final Set<String> BAD_CREDENTIALS =
      Set.of(
          "AuthFailure",
          "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "ExpiredTokenException",
          "UnrecognizedClientException",
          "InvalidAccessKeyId");
  private static final Set<String> THROTTLED =
      Set.of(
          "Throttling",
          "ThrottlingException",
          "RequestLimitExceeded",
          "TooManyRequestsException",
          "PriorRequestNotComplete",
          "RequestThrottled",
          "RequestThrottledException");

  private AwsErrors() {}

  /**
   * @param e what the SDK threw (after its own retries)
   * @param action the IAM action of the call, e.g. {@code ec2:DescribeSecurityGroups}
   * @param where the region, zone or resource the call was about, e.g. {@code us-east-1}
   */
  public static CutoverException translate(SdkException e, String action, String where) {
    String prefix = "aws " + where + ": " + action;
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String detail =
          service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
              ? ""
              : ": " + service.awsErrorDetails().errorMessage();
      if (code != null && ACCESS_DENIED.contains(code)) {
        return new CutoverException(
            prefix + " was refused (" + code + ")" + detail,
            "grant " + action + " to the caller's IAM policy",
            false,
            e);
      }
      if (code != null && BAD_CREDENTIALS.contains(code)) {
        return new CutoverException(
            prefix + " was refused: the credentials are not valid (" + code + ")" + detail,
            "check AWS_PROFILE / AWS_ACCESS_KEY_ID, or refresh the session (aws sso login)",
            false,
            e);
      }
      if ((code != null && THROTTLED.contains(code)) || service.isThrottlingException()) {
        return new CutoverException(
            prefix + " was throttled (" + code + ") and the retries ran out",
            "run again later, or raise the API rate limit",
            true,
            e);
      }
      if (service.statusCode() >= 500) {
        return new CutoverException(
            prefix + " failed on the AWS side (HTTP " + service.statusCode() + ", " + code + ")",
            "run again; the call is safe to retry",
            true,
            e);
      }
      return new CutoverException(
          prefix
              + " failed ("
              + (code == null ? "HTTP " + service.statusCode() : code)
              + ")"
              + detail,
          null,
          false,
          e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new CutoverException(prefix + " timed out", "run again", true, e);
    }
    if (e instanceof SdkClientException client) {
      Throwable root = rootCause(client);
      if (root instanceof ConnectException || root instanceof UnknownHostException) {
        return new CutoverException(
            prefix + " could not reach the endpoint: " + root.getMessage(),
            "check --aws-endpoint / AWS_ENDPOINT_URL and the network",
            true,
            e);
      }
      if (root instanceof SocketTimeoutException) {
        return new CutoverException(
            prefix + " timed out: " + root.getMessage(), "run again", true, e);
      }
      if (root instanceof IOException) {
        return new CutoverException(
            prefix + " failed on the network: " + root.getMessage(), "run again", true, e);
      }
      String message = client.getMessage() == null ? "" : client.getMessage();
      if (message.contains("Unable to load credentials")) {
        return new CutoverException(
            "aws " + where + ": no AWS credentials found",
            "set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run 'aws sso login'",
            false,
            e);
      }
      return new CutoverException(
          prefix + " failed: " + firstLine(message), null, client.retryable(), e);
    }
    return new CutoverException(
        prefix + " failed: " + firstLine(String.valueOf(e.getMessage())), e);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
