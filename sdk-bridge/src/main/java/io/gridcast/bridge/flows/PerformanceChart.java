package io.gridcast.bridge.flows;

import io.gridcast.spotify.analytics.EpisodeDailyStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders a report period's daily starts and streams (all episodes in scope together) as a PNG
 * line chart with JFreeChart, headless, with the period before's daily average streams as a
 * dashed line for comparison when there is one. The same data gives the same bytes: fixed size, fonts,
 * colours and rendering hints, and no timestamp in the image. Thread-safe.
 *
 * <p>JFreeChart is an optional dependency of sdk-bridge: only flow 8 needs it. Without it on the
 * class path, {@link #requireLibrary()} (called when the flow is created) and {@link #png} fail
 * with an {@link IllegalStateException} that names the artifact to add. Only the nested
 * {@code Renderer} touches JFreeChart's classes, so this class loads without them.
 */
final class PerformanceChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 480;

  /** The chart library's coordinates, and the version Gridcast is built and tested with. */
  static final String ARTIFACT = "org.jfree:jfreechart";
  static final String TESTED_VERSION = "1.5.6";

  private static final String PROBE_CLASS = "org.jfree.chart.JFreeChart";

  private PerformanceChart() {}

  /** Fails with a message naming the artifact to add when JFreeChart is not on the class path. */
  static void requireLibrary() {
    requireLibrary(PerformanceChart.class.getClassLoader());
  }

  static void requireLibrary(ClassLoader loader) {
    try {
      Class.forName(PROBE_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Performance reports (flow 8) draw their chart with JFreeChart, which is not on"
          + " the class path: add the optional dependency " + ARTIFACT + ":" + TESTED_VERSION
          + " (groupId org.jfree, artifactId jfreechart) to the application", e);
    }
  }

  /** The chart of {@code data} as PNG bytes. */
  static byte[] png(PerformanceData data) {
    requireLibrary();
    return Renderer.png(data);
  }

  /** The series name of the period before's daily average streams. */
  static final String PREVIOUS = "Streams, period before (daily average)";

  /** The JFreeChart code, loaded only once the library is known to be there. */
  static final class Renderer {

    static {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true");
      }
    }

    private Renderer() {}

    static byte[] png(PerformanceData data) {
      DefaultCategoryDataset dataset = dataset(data);
      JFreeChart chart = ChartFactory.createLineChart(
          "Daily starts and streams, " + data.start() + " to " + data.end(), "Day", "Plays", dataset,
          PlotOrientation.VERTICAL, true, false, false);
      return render(chart, dataset.getRowCount() > 2);
    }

    /** Starts and streams per day, and the period before's daily average streams when there is one. */
    static DefaultCategoryDataset dataset(PerformanceData data) {
      Map<LocalDate, long[]> perDay = new TreeMap<>();
      for (LocalDate d = data.start(); !d.isAfter(data.end()); d = d.plusDays(1)) {
        perDay.put(d, new long[2]);
      }
      for (EpisodePerformance e : data.episodes()) {
        for (EpisodeDailyStats s : e.days()) {
          long[] totals = perDay.get(s.date());
          totals[0] += s.starts();
          totals[1] += s.streams();
        }
      }
      DefaultCategoryDataset dataset = new DefaultCategoryDataset();
      double before = data.previous().map(p -> p.streams() / (double) perDay.size()).orElse(Double.NaN);
      perDay.forEach((day, totals) -> {
        String label = day.toString().substring(5);
        dataset.addValue(totals[0], "Starts", label);
        dataset.addValue(totals[1], "Streams", label);
        if (!Double.isNaN(before)) {
          dataset.addValue(Math.round(before * 10) / 10.0, PREVIOUS, label);
        }
      });
      return dataset;
    }

    private static byte[] render(JFreeChart chart, boolean withPrevious) {
      Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
      chart.getTitle().setFont(font.deriveFont(Font.BOLD, 15f));
      chart.getLegend().setItemFont(font);
      chart.setBackgroundPaint(Color.WHITE);
      chart.setRenderingHints(new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON));
      CategoryPlot plot = chart.getCategoryPlot();
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(new Color(0xDDDDDD));
      plot.getDomainAxis().setTickLabelFont(font.deriveFont(10f));
      plot.getDomainAxis().setLabelFont(font);
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      plot.getRangeAxis().setTickLabelFont(font.deriveFont(10f));
      plot.getRangeAxis().setLabelFont(font);
      LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
      renderer.setSeriesPaint(0, new Color(0x1DB954));
      renderer.setSeriesPaint(1, new Color(0x1E3264));
      renderer.setSeriesStroke(0, new BasicStroke(2f));
      renderer.setSeriesStroke(1, new BasicStroke(2f));
      if (withPrevious) {
        renderer.setSeriesPaint(2, new Color(0x1E3264));
        renderer.setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        renderer.setSeriesShapesVisible(2, false);
      }
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException("rendering the performance chart failed", e);
      }
    }
  }
}
