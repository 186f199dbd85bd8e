package io.gridcast.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Small, real PNG pictures for the demo data, so that the web views show images and image
 * decoders read them. Written byte by byte with uncompressed deflate blocks: the same bytes on
 * every JDK, whatever its zlib does, so the sizes in DEMO-DATA.md hold everywhere.
 */
final class DemoImages {

  private DemoImages() {}

  /**
   * A {@code width} x {@code height} picture in two colours: diagonal bands of {@code band} on
   * {@code ground}, each colour {@code 0xRRGGBB}.
   */
  static byte[] bands(int width, int height, int ground, int band) {
    // 8-bit palette image: each row is a filter byte (0) and one palette index per pixel
    byte[] raw = new byte[height * (width + 1)];
    for (int y = 0; y < height; y++) {
      int row = y * (width + 1);
      for (int x = 0; x < width; x++) {
        raw[row + 1 + x] = (byte) (((x + y) / 24) % 3 == 0 ? 1 : 0);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream(raw.length + 256);
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    int32(header, width);
    int32(header, height);
    header.writeBytes(new byte[] {8, 3, 0, 0, 0}); // 8 bits, palette, deflate, no filter method, no interlace
    chunk(png, "IHDR", header.toByteArray());
    chunk(png, "PLTE", new byte[] {
        (byte) (ground >> 16), (byte) (ground >> 8), (byte) ground, (byte) (band >> 16), (byte) (band >> 8), (byte) band});
    chunk(png, "IDAT", storedZlib(raw));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** A zlib stream of {@code data} in stored (uncompressed) blocks of at most 65,535 bytes. */
  private static byte[] storedZlib(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 65_535 * 5 + 16);
    out.write(0x78);
    out.write(0x01);
    int offset = 0;
    do {
      int length = Math.min(65_535, data.length - offset);
      boolean last = offset + length == data.length;
      out.write(last ? 1 : 0);
      out.write(length & 0xff);
      out.write(length >>> 8);
      out.write(~length & 0xff);
      out.write((~length >>> 8) & 0xff);
      out.write(data, offset, length);
      offset += length;
    } while (offset < data.length);
    Adler32 adler = new Adler32();
    adler.update(data);
    int32(out, (int) adler.getValue());
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    int32(png, data.length);
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    int32(png, (int) crc.getValue());
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
