package dev.cutover.core;

/**
 * The one exception root for failures a user can act on: bad input, refused or failed cloud calls,
 * a held lock. The CLI prints {@link #getMessage()} (and {@link #suggestion()} when present) as one
 * line and exits with {@link #EXIT_CODE}; a stack trace is shown only with {@code --debug}.
 *
 * <p>Messages name the file, field or API and what was expected, e.g. {@code
 * "environments/staging/aws/terraform.tfstate: state version 3 is not supported; upgrade with
 * terraform >= 0.12"}.
 */
public class CutoverException extends RuntimeException {

  /** Exit code of every error, as {@code terraform plan -detailed-exitcode} uses 1 for errors. */
  public static final int EXIT_CODE = 1;

  private final String suggestion;
  private final boolean retryable;

  public CutoverException(String message) {
    this(message, null, false, null);
  }

  public CutoverException(String message, Throwable cause) {
    this(message, null, false, cause);
  }

  /**
   * @param message one line: what failed and where (file, field, API, resource)
   * @param suggestion what to do about it, or {@code null}
   * @param retryable whether the same call may succeed later (throttling, 5xx, timeouts)
   * @param cause the underlying error, or {@code null}; shown only with {@code --debug}
   */
  public CutoverException(String message, String suggestion, boolean retryable, Throwable cause) {
    super(message, cause);
    this.suggestion = suggestion;
    this.retryable = retryable;
  }

  /** What the user can do about it, or {@code null}. */
  public String suggestion() {
    return suggestion;
  }

  /** Whether retrying the same operation may succeed (throttling, 5xx, timeouts). */
  public boolean retryable() {
    return retryable;
  }
}
