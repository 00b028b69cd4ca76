package vn.ktgs.gateway;

import io.vertx.core.buffer.Buffer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.ktgs.gateway.Summary.Area;
import vn.ktgs.gateway.Summary.Column;
import vn.ktgs.gateway.Summary.Figure;
import vn.ktgs.gateway.Summary.Row;
import vn.ktgs.gateway.Summary.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** The forms a summary is given in: JSON for systems, CSV and a workbook for spreadsheets, a page to print. */
enum SummaryFormat {
    JSON("json", "application/json", s -> Buffer.buffer(s.toJson().encode())),
    CSV("csv", "text/csv; charset=UTF-8", s -> Buffer.buffer(csv(s), "UTF-8")),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", s -> Buffer.buffer(workbook(s))),
    HTML("html", "text/html; charset=UTF-8", s -> Buffer.buffer(SummaryPage.html(s), "UTF-8"));

    static final String TITLE = "Báo cáo tổng hợp công tác kiểm tra, giám sát và thi hành kỷ luật đảng";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // Excel's limit on a sheet's name
    private static final int SHEET_NAME_MAX = 31;

    final String code;
    final String contentType;
    private final Function<Summary, Buffer> render;

    SummaryFormat(String code, String contentType, Function<Summary, Buffer> render) {
        this.code = code;
        this.contentType = contentType;
        this.render = render;
    }

    Buffer render(Summary s) {
        return render.apply(s);
    }

    /** {@code format=} first; else the first form the Accept header names; else JSON. Null for an unknown format. */
    static SummaryFormat chosen(String format, String accept) {
        if (format != null) {
            for (SummaryFormat f : values()) {
                if (f.code.equals(format.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            return null;
        }
        if (accept != null) {
            for (String wanted : accept.split(",")) {
                String type = wanted.split(";")[0].strip().toLowerCase(Locale.ROOT);
                for (SummaryFormat f : values()) {
                    if (f.contentType.startsWith(type + ";") || f.contentType.equals(type)) {
                        return f;
                    }
                }
            }
        }
        return JSON;
    }

    /** "từ 01/01/2026 đến 31/12/2026" */
    static String period(Summary s) {
        return "từ " + DAY.format(LocalDate.parse(s.from())) + " đến " + DAY.format(LocalDate.parse(s.to()));
    }

    /** One line per number: area, table, row, column, value (the long form that every spreadsheet can pivot). */
    private static String csv(Summary s) {
        StringBuilder out = new StringBuilder("area,table,code,labelVi,measure,measureLabelVi,value\r\n");
        for (Area a : s.areas()) {
            for (Table t : a.tables()) {
                for (Row r : t.rows()) {
                    for (Column c : t.columns()) {
                        out.append(a.name()).append(',').append(t.name()).append(',').append(quoted(r.code())).append(',')
                                .append(quoted(r.labelVi())).append(',').append(c.key()).append(',').append(quoted(c.labelVi()))
                                .append(',').append(quoted(String.valueOf(r.values().get(c.key())))).append("\r\n");
                    }
                }
            }
            for (Figure f : a.figures()) {
                out.append(a.name()).append(",figures,,,").append(f.key()).append(',').append(quoted(f.labelVi())).append(',')
                        .append(quoted(String.valueOf(f.value()))).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String quoted(String v) {
        boolean plain = v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        return plain ? v : '"' + v.replace("\"", "\"\"") + '"';
    }

    /** A cover sheet naming the unit and period, then one sheet per area with its tables and figures. */
    private static byte[] workbook(Summary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "KTGS", "1.0");
            Worksheet cover = wb.newWorksheet("Tổng hợp");
            cover.value(0, 0, TITLE);
            cover.style(0, 0).bold().set();
            cover.value(1, 0, "Đơn vị");
            cover.value(1, 1, s.unit().name() + (s.unit().code() == null ? "" : " (" + s.unit().code() + ")"));
            cover.value(2, 0, "Kỳ báo cáo");
            cover.value(2, 1, period(s));
            cover.value(3, 0, "Lập lúc");
            cover.value(3, 1, s.generatedAt());
            cover.width(0, 18);
            cover.width(1, 60);
            for (Area a : s.areas()) {
                Worksheet ws = wb.newWorksheet(a.titleVi().length() > SHEET_NAME_MAX ? a.titleVi().substring(0, SHEET_NAME_MAX) : a.titleVi());
                ws.width(0, 60);
                int r = 0;
                ws.value(r, 0, a.titleVi());
                ws.style(r, 0).bold().fontSize(13).set();
                r += 2;
                for (Table t : a.tables()) {
                    ws.value(r, 0, t.titleVi());
                    ws.style(r, 0).bold().set();
                    r++;
                    ws.value(r, 0, "Nội dung");
                    for (int c = 0; c < t.columns().size(); c++) {
                        ws.value(r, c + 1, t.columns().get(c).labelVi());
                        ws.width(c + 1, 16);
                    }
                    ws.range(r, 0, r, t.columns().size()).style().bold().wrapText(true).set();
                    r++;
                    for (Row row : t.rows()) {
                        ws.value(r, 0, row.labelVi());
                        for (int c = 0; c < t.columns().size(); c++) {
                            cell(ws, r, c + 1, row.values().get(t.columns().get(c).key()));
                        }
                        if (row.total()) {
                            ws.range(r, 0, r, t.columns().size()).style().bold().set();
                        }
                        r++;
                    }
                    r++;
                }
                for (Figure f : a.figures()) {
                    ws.value(r, 0, f.labelVi());
                    cell(ws, r, 1, f.value());
                    r++;
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v != null) {
            ws.value(r, c, v.toString());
        }
    }
}
