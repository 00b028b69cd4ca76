package vn.ktgs.gateway;

import vn.ktgs.gateway.Summary.Area;
import vn.ktgs.gateway.Summary.Chart;
import vn.ktgs.gateway.Summary.Column;
import vn.ktgs.gateway.Summary.Figure;
import vn.ktgs.gateway.Summary.Row;
import vn.ktgs.gateway.Summary.Table;

import java.util.List;

/** The summary as one printable page: self-contained (styles and charts inline, no script), A4, in Vietnamese. */
final class SummaryPage {
    private static final String[] COLOURS = {"#1f5f99", "#c0392b"};
    private static final int CHART_WIDTH = 680;
    private static final int LABEL_WIDTH = 300;
    private static final int BAR_HEIGHT = 14;
    private static final int LABEL_CHARS = 48;

    private SummaryPage() {
    }

    static String html(Summary s) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(SummaryFormat.TITLE)).append("</title><style>")
                .append("@page{size:A4;margin:15mm}body{font-family:'Times New Roman',serif;font-size:12pt;color:#111;margin:0 auto;max-width:190mm}")
                .append("h1{font-size:15pt;text-align:center;text-transform:uppercase}h2{font-size:13pt;margin-top:18pt;border-bottom:1px solid #444}")
                .append("h3{font-size:12pt}table{border-collapse:collapse;width:100%;margin-bottom:8pt;break-inside:avoid}")
                .append("th,td{border:1px solid #777;padding:2pt 4pt;font-size:10pt}td.n{text-align:right}th{background:#eee}")
                .append("tr.total td{font-weight:bold}.meta{text-align:center}svg{display:block;margin:6pt 0;break-inside:avoid}")
                .append("</style></head><body>\n<h1>").append(esc(SummaryFormat.TITLE)).append("</h1>\n<p class=\"meta\">")
                .append(esc(s.unit().name())).append(s.unit().code() == null ? "" : " (" + esc(s.unit().code()) + ")")
                .append("<br>Kỳ báo cáo ").append(esc(SummaryFormat.period(s))).append("<br>Lập lúc ").append(esc(s.generatedAt()))
                .append("</p>\n");
        int n = 1;
        for (Area a : s.areas()) {
            out.append("<section><h2>").append(n++).append(". ").append(esc(a.titleVi())).append("</h2>\n");
            if (a.chart() != null) {
                chart(out, a.chart());
            }
            for (Table t : a.tables()) {
                table(out, t);
            }
            if (!a.figures().isEmpty()) {
                out.append("<table><tbody>");
                for (Figure f : a.figures()) {
                    out.append("<tr><td>").append(esc(f.labelVi())).append("</td><td class=\"n\">").append(esc(String.valueOf(f.value())))
                            .append("</td></tr>");
                }
                out.append("</tbody></table>\n");
            }
            out.append("</section>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder out, Table t) {
        out.append("<h3>").append(esc(t.titleVi())).append("</h3><table><thead><tr><th>Nội dung</th>");
        t.columns().forEach(c -> out.append("<th>").append(esc(c.labelVi())).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (Row r : t.rows()) {
            out.append(r.total() ? "<tr class=\"total\">" : "<tr>").append("<td>").append(esc(r.labelVi())).append("</td>");
            t.columns().forEach(c -> out.append("<td class=\"n\">").append(esc(String.valueOf(r.values().get(c.key())))).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>\n");
    }

    /** Horizontal bars, one group per row (totals left out), one bar per column, scaled to the largest value. */
    private static void chart(StringBuilder out, Chart chart) {
        List<Row> rows = chart.table().rows().stream().filter(r -> !r.total()).toList();
        List<Column> series = chart.columns();
        double max = 1;
        for (Row r : rows) {
            for (Column c : series) {
                max = Math.max(max, number(r.values().get(c.key())));
            }
        }
        int group = series.size() * BAR_HEIGHT + 8;
        int legend = 20;
        int height = legend + rows.size() * group + 4;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"10\"><title>").append(esc(chart.titleVi())).append("</title>");
        for (int c = 0; c < series.size(); c++) {
            int x = LABEL_WIDTH + c * 160;
            out.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"").append(COLOURS[c % COLOURS.length])
                    .append("\"/><text x=\"").append(x + 14).append("\" y=\"13\">").append(esc(series.get(c).labelVi())).append("</text>");
        }
        int span = CHART_WIDTH - LABEL_WIDTH - 50;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = legend + i * group;
            String label = r.labelVi().length() > LABEL_CHARS ? r.labelVi().substring(0, LABEL_CHARS - 1) + "…" : r.labelVi();
            out.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + group / 2 + 3)
                    .append("\" text-anchor=\"end\"><title>").append(esc(r.labelVi())).append("</title>").append(esc(label)).append("</text>");
            for (int c = 0; c < series.size(); c++) {
                double v = number(r.values().get(series.get(c).key()));
                int w = (int) Math.round(span * v / max);
                int by = y + 4 + c * BAR_HEIGHT;
                out.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(by).append("\" width=\"").append(w)
                        .append("\" height=\"").append(BAR_HEIGHT - 2).append("\" fill=\"").append(COLOURS[c % COLOURS.length])
                        .append("\"/><text x=\"").append(LABEL_WIDTH + w + 4).append("\" y=\"").append(by + BAR_HEIGHT - 4).append("\">")
                        .append(esc(String.valueOf(r.values().get(series.get(c).key())))).append("</text>");
            }
        }
        out.append("</svg>\n");
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
