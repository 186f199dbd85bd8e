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
 * line chart with JFreeChart, headless. The same data gives the same bytes: fixed size, fonts,
 * colours and rendering hints, and no timestamp in the image. Thread-safe.
 */
final class PerformanceChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 480;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PerformanceChart() {}

  /** The chart of {@code data} as PNG bytes. */
  static byte[] png(PerformanceData data) {
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
    perDay.forEach((day, totals) -> {
      String label = day.toString().substring(5);
      dataset.addValue(totals[0], "Starts", label);
      dataset.addValue(totals[1], "Streams", label);
    });
    JFreeChart chart = ChartFactory.createLineChart(
        "Daily starts and streams, " + data.start() + " to " + data.end(), "Day", "Plays", dataset,
        PlotOrientation.VERTICAL, true, false, false);
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
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the performance chart failed", e);
    }
  }
}
