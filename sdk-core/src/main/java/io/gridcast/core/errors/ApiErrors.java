package io.gridcast.core.errors;

import java.time.Duration;

/** Picks the {@link ApiException} subtype for an HTTP error status. Stateless. */
public final class ApiErrors {

  private ApiErrors() {}

  /**
   * Builds the typed exception for an error status.
   *
   * @param retryAfter the parsed {@code Retry-After}, or {@code null}
   */
  public static ApiException from(
      int status, String method, String redactedUrl, ErrorDetails details, Duration retryAfter) {
    switch (status) {
      case 400:
      case 422:
        return new BadRequestException(status, method, redactedUrl, details);
      case 401:
        return new UnauthorizedException(status, method, redactedUrl, details);
      case 403:
        return new ForbiddenException(status, method, redactedUrl, details);
      case 404:
        return new NotFoundException(status, method, redactedUrl, details);
      case 409:
        return new ConflictException(status, method, redactedUrl, details);
      case 412:
      case 428:
        return new PreconditionFailedException(status, method, redactedUrl, details);
      case 429:
        return new RateLimitedException(status, method, redactedUrl, details, retryAfter);
      default:
        if (status == 503 && retryAfter != null) {
          return new RateLimitedException(status, method, redactedUrl, details, retryAfter);
        }
        if (status >= 500) {
          return new ServerException(status, method, redactedUrl, details);
        }
        return new ApiException(status, method, redactedUrl, details);
    }
  }
}
