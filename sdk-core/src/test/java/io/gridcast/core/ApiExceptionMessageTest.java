package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.ServerException;
import org.junit.jupiter.api.Test;

class ApiExceptionMessageTest {

  @Test
  void aMegabyteErrorMessageIsClippedInTheExceptionMessageButKeptWhole() {
    String huge = "x".repeat(1_000_000);
    ServerException e = new ServerException(500, "GET", "https://api.example.com/v1/shows/1",
        ErrorDetails.of("E500", huge, "req-1"));

    assertThat(e.getMessage()).hasSizeLessThan(700)
        .startsWith("GET https://api.example.com/v1/shows/1 failed with HTTP 500 [E500]: xxx")
        .contains("(999500 more characters)")
        .endsWith("(request id req-1)");
    assertThat(e.errorMessage()).contains(huge);
  }
}
