package io.gridcast.bridge.flows;

import io.gridcast.core.LogSafe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks podcast artwork against what Spotify accepts: a JPEG or PNG image, square, from 1400 to
 * 3000 pixels a side, and whole: the header is read first (with {@code javax.imageio}), and only
 * once it gives an acceptable size is the image decoded, one pixel in 64 kept, so that a damaged
 * or truncated file is refused and no file can make the check allocate more than a small image.
 * Stateless and thread-safe.
 */
final class ArtworkCheck {

  /** The smallest side Spotify accepts, in pixels. */
  public static final int MIN_SIDE = 1400;
  /** The largest side Spotify accepts, in pixels. */
  public static final int MAX_SIDE = 3000;

  private ArtworkCheck() {}

  /**
   * Why {@code image} is not acceptable podcast artwork, or empty when it is.
   *
   * @param fileName for the message only
   */
  public static Optional<String> problem(String fileName, byte[] image) {
    String name = LogSafe.quoted(fileName); // written by the submitter: never raw in a message
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return Optional.of("artwork " + name + " is not a readable JPEG or PNG image");
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (!format.equals("png") && !format.equals("jpeg") && !format.equals("jpg")) {
          return Optional.of("artwork " + name + " is " + format + "; Spotify accepts JPEG or PNG");
        }
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width != height) {
          return Optional.of("artwork " + name + " is " + width + "x" + height + " px; it must be square");
        }
        if (width < MIN_SIDE || width > MAX_SIDE) {
          return Optional.of("artwork " + name + " is " + width + "x" + height + " px; Spotify accepts "
              + MIN_SIDE + "x" + MIN_SIDE + " to " + MAX_SIDE + "x" + MAX_SIDE + " px");
        }
        // only now, with the size bounded, decode every byte (a header alone proves nothing), keeping
        // one pixel in 64: at most 375x375 pixels in memory, never a decompression bomb
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(8, 8, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.read(0, param);
        if (!warnings.isEmpty()) {
          return Optional.of("artwork " + name + " is damaged: " + LogSafe.text(warnings.get(0)));
        }
        return Optional.empty();
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("artwork " + name + " is not a readable JPEG or PNG image (" + LogSafe.text(String.valueOf(e.getMessage())) + ")");
    }
  }
}
