package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.DocumentsApi;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Document;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Headers;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document upload and download through the client, against the sandbox. */
class DocumentsTest extends SandboxClientTest {

  private static final byte[] NOTES = "# Release notes\n\nEpisode 44 ships on 1 December.\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void uploadsAFileAndReturnsTheSha256OfItsBytes() throws Exception {
    Path file = Files.write(dir.resolve("release-notes-44.md"), NOTES);

    Document doc = tg.documents().upload(file, "text/markdown", "notes:ep44", "upload-notes-44");

    assertThat(doc.fileName()).isEqualTo("release-notes-44.md");
    assertThat(doc.contentType()).isEqualTo("text/markdown");
    assertThat(doc.size()).isEqualTo(NOTES.length);
    assertThat(doc.sha256()).isEqualTo(sha256(NOTES));
    assertThat(doc.externalRef()).contains("notes:ep44");
    assertThat(sandbox.documentContent(doc.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(NOTES));
  }

  @Test
  void uploadsAStreamOnceForOneIdempotencyKey() {
    int seeded = sandbox.resources(TradingGridResource.DOCUMENTS).size();
    Document first = tg.documents().upload(new ByteArrayInputStream(NOTES), "notes.md", "text/markdown", null, "upload-stream");
    Document replay = tg.documents().upload(new ByteArrayInputStream(NOTES), "notes.md", "text/markdown", null, "upload-stream");

    assertThat(replay).isEqualTo(first);
    assertThat(sandbox.resources(TradingGridResource.DOCUMENTS)).hasSize(seeded + 1);
  }

  @Test
  void downloadsTheBytesOfADocumentCheckedAgainstItsSha256() {
    Document audio = tg.documents().get(TradingGridDemoData.DOCUMENT_ASN_AUDIO);

    byte[] bytes = tg.documents().download(audio.id());

    assertThat(bytes).hasSize((int) audio.size()).isEqualTo(sandbox.documentContent(audio.id()).orElseThrow());
    assertThat(sha256(bytes)).isEqualTo(audio.sha256());
  }

  @Test
  void downloadsADocumentWhoseFileNameHoldsCrLfAQuoteAndNonAsciiLetters() {
    String name = "Q3 \"final\"\r\nX-Injected: yes \u2013 Z\u00fcrich \u6771\u4eac.md";
    List<Headers> downloads = new CopyOnWriteArrayList<>();
    try (TradingGridClient client = clientBuilder(validator).addInterceptor(chain -> {
      Response response = chain.proceed(chain.request());
      if (chain.request().url().encodedPath().endsWith("/content")) {
        downloads.add(response.headers());
      }
      return response;
    }).build()) {
      Document uploaded = client.documents().upload(NOTES, name, "text/markdown", null, null);

      byte[] bytes = client.documents().download(uploaded.id());

      assertThat(uploaded.fileName()).isEqualTo(name);
      assertThat(bytes).isEqualTo(NOTES);
      assertThat(downloads).singleElement().satisfies(headers -> {
        assertThat(headers.get("X-Injected")).isNull();
        assertThat(headers.get("Content-Disposition"))
            .doesNotContain("\r").doesNotContain("\n")
            .isEqualTo("attachment; filename=\"Q3 _final___X-Injected: yes _ Z_rich __.md\"; filename*=UTF-8''"
                + "Q3%20%22final%22%0D%0AX-Injected%3A%20yes%20%E2%80%93%20Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC.md");
      });
    }
  }

  @Test
  void downloadsIntoAFile() throws Exception {
    Document uploaded = tg.documents().upload(NOTES, "notes.md", "text/markdown", null, null);

    Path target = tg.documents().download(uploaded.id(), dir.resolve("out/notes.md"));

    assertThat(Files.readAllBytes(target)).isEqualTo(NOTES);
  }

  @Test
  void listsDocumentsAcrossPagesAndFindsOneByExternalRef() {
    Document uploaded = tg.documents().upload(NOTES, "notes.md", "text/markdown", "notes:ep44", null);
    int stored = sandbox.resources(TradingGridResource.DOCUMENTS).size();

    assertThat(tg.documents().list(ListQuery.create()).stream().map(Document::id).toList())
        .hasSize(stored)
        .startsWith(uploaded.id()) // newest first
        .contains(TradingGridDemoData.DOCUMENT_EP43_AUDIO);
    assertThat(stored).isGreaterThan(2 * PAGE_SIZE);
    assertThat(requestsTo("GET", "/documents")).isEqualTo((stored + PAGE_SIZE - 1) / PAGE_SIZE);
    assertThat(tg.documents().findByExternalRef("notes:ep44")).contains(uploaded);
  }

  @Test
  void refusesAFileLargerThanTwentyFiveMebibytesBeforeSendingIt() throws Exception {
    Path big = dir.resolve("master.wav");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(DocumentsApi.MAX_UPLOAD_BYTES + 1);
    }

    assertThatThrownBy(() -> tg.documents().upload(big, "audio/wav", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("master.wav is 26214401 bytes")
        .hasMessageContaining("at most 26214400 bytes (25 MiB)");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void refusesAStreamThatRunsPastTheCapBeforeSendingIt() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return len;
      }
    };

    assertThatThrownBy(() -> tg.documents().upload(endless, "live.mp3", "audio/mpeg", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live.mp3")
        .hasMessageContaining("at most 26214400 bytes");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void refusesAContentTypeThatIsNotAMediaType() {
    assertThatThrownBy(() -> tg.documents().upload(NOTES, "notes.md", "markdown", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contentType must be a media type such as application/pdf or audio/mpeg, was: markdown");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void aGatewayWithALowerLimitAnswers413PayloadTooLarge() {
    try (TradingGridSandbox small = TradingGridSandbox.builder().maxDocumentBytes(16).start();
        TradingGridClient client = clientBuilderFor(small, validator).build()) {
      assertThatThrownBy(() -> client.documents().upload(NOTES, "notes.md", "text/markdown", null, null))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.errorCode()).contains("payload_too_large");
          })
          .hasMessageContaining("limited to 16 bytes");
    }
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    assertThatThrownBy(() -> tg.documents().download("d_missing"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No document d_missing");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
