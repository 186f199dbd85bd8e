package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Artwork must be a whole JPEG or PNG of an accepted size; a header alone does not pass. */
class ArtworkCheckTest {

  private static byte[] image(String format, int side) throws IOException {
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x1d3557));
    g.fillRect(0, 0, side, side);
    g.setColor(new Color(0xf1a208));
    g.fillOval(side / 4, side / 4, side / 2, side / 2); // something to compress
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  @Test
  void aWholeSquareJpegOrPngOfAnAcceptedSizePasses() throws IOException {
    assertThat(ArtworkCheck.problem("cover.jpg", image("jpeg", 1400))).isEmpty();
    assertThat(ArtworkCheck.problem("cover.png", image("png", 1400))).isEmpty();
  }

  @Test
  void aTruncatedJpegIsRefusedAsDamagedThoughItsHeaderIsFine() throws IOException {
    byte[] whole = image("jpeg", 1400);
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThat(ArtworkCheck.problem("cover.jpg", truncated)).hasValueSatisfying(p -> assertThat(p)
        .startsWith("artwork \"cover.jpg\" is ").containsAnyOf("damaged", "not a readable"));
  }

  @Test
  void aJpegThatIsOnlyAHeaderIsRefused() throws IOException {
    byte[] whole = image("jpeg", 1400);
    // the markers up to the frame header (SOF0) and nothing of the picture: a few hundred bytes
    int sof = 2;
    while (!(whole[sof] == (byte) 0xFF && whole[sof + 1] == (byte) 0xC0)) {
      sof += 2 + (((whole[sof + 2] & 0xFF) << 8) | (whole[sof + 3] & 0xFF));
    }
    int sofLength = ((whole[sof + 2] & 0xFF) << 8) | (whole[sof + 3] & 0xFF);
    byte[] header = Arrays.copyOf(whole, sof + 2 + sofLength);

    assertThat(ArtworkCheck.problem("cover.jpg", header)).isPresent();
  }

  @Test
  void aTruncatedPngIsRefused() throws IOException {
    byte[] whole = image("png", 1400);

    assertThat(ArtworkCheck.problem("cover.png", Arrays.copyOf(whole, whole.length - 40))).isPresent();
  }

  @Test
  void theSizeIsCheckedBeforeAnythingIsDecoded() throws IOException {
    assertThat(ArtworkCheck.problem("small.png", image("png", 240)))
        .contains("artwork \"small.png\" is 240x240 px; Spotify accepts 1400x1400 to 3000x3000 px");
  }
}
