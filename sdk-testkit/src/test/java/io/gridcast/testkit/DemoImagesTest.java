package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoImagesTest {

  @Test
  void aDemoPictureIsAPngThatImageDecodersReadPixelForPixel() throws IOException {
    byte[] png = DemoImages.bands(320, 180, 0xffd166, 0xef476f);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(180);
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xef476f); // band 0 starts at the corner
    assertThat(image.getRGB(30, 0) & 0xffffff).isEqualTo(0xffd166);
    assertThat(image.getRGB(319, 179) & 0xffffff).isEqualTo(((319 + 179) / 24) % 3 == 0 ? 0xef476f : 0xffd166);
  }

  @Test
  void aPictureLargerThanOneStoredBlockStaysReadable() throws IOException {
    byte[] png = DemoImages.bands(600, 400, 0x000000, 0xffffff); // 240,400 bytes of pixels: four blocks

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getRGB(599, 399) & 0xffffff).isEqualTo(((599 + 399) / 24) % 3 == 0 ? 0xffffff : 0x000000);
  }

  @Test
  void theSamePictureIsTheSameBytes() {
    assertThat(DemoImages.bands(240, 240, 0x1d3557, 0xf1a208)).isEqualTo(DemoImages.bands(240, 240, 0x1d3557, 0xf1a208));
  }

  @Test
  void theDemoDocumentsThatArePicturesDecode() throws IOException {
    try (TradingGridSandbox tg = TradingGridSandbox.builder().start()) {
      BufferedImage cover = ImageIO.read(new ByteArrayInputStream(tg.documentContent(TradingGridDemoData.DOCUMENT_EP43_ARTWORK).orElseThrow()));
      assertThat(cover.getWidth()).isEqualTo(240);
      assertThat(cover.getHeight()).isEqualTo(240);
    }
  }
}
