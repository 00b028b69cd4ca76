package vn.ktgs.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The summary of a unit's subtree for a period (DOMAIN §8): every area's statistics, as its service counted them from
 * its records, turned into labelled tables and figures that the JSON, CSV, workbook and printable page all show alike.
 * The gateway adds no number of its own.
 */
record Summary(Unit unit, String from, String to, String generatedAt, List<Area> areas) {

    record Unit(String id, String code, String name) {
    }

    /** One service's statistics: its tables, its single figures, and what its chart draws. */
    record Area(String name, String titleVi, List<Table> tables, List<Figure> figures, Chart chart) {
    }

    record Table(String name, String titleVi, List<Column> columns, List<Row> rows) {
    }

    record Column(String key, String labelVi) {
    }

    /** A row of counts; {@code total} marks the sum the service added under its rows. */
    record Row(String code, String labelVi, boolean total, Map<String, Object> values) {
    }

    record Figure(String key, String labelVi, Object value) {
    }

    /** Bars of {@code table}'s rows, one per column. */
    record Chart(String titleVi, Table table, List<Column> columns) {
    }

    /** The fields of a statistics answer that are not counts. */
    private static final Set<String> CONTEXT = Set.of("orgUnitId", "from", "to");
    private static final Set<String> ROW_NAMING = Set.of("code", "kind", "labelVi");

    /**
     * An area from a service's statistics: an array of objects is a table, an object with a table's fields is that
     * table's total row, any other object or value is a figure.
     */
    static Area area(String name, JsonObject stats, Labels labels) {
        List<Table> tables = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (String field : stats.fieldNames()) {
            Object value = stats.getValue(field);
            if (CONTEXT.contains(field) || value == null) {
                continue;
            }
            if (value instanceof JsonArray array && !array.isEmpty() && array.getValue(0) instanceof JsonObject) {
                List<Row> rows = new ArrayList<>();
                array.forEach(o -> rows.add(row((JsonObject) o, false)));
                List<Column> columns = rows.get(0).values().keySet().stream().map(k -> new Column(k, labels.of(name, k))).toList();
                tables.add(new Table(field, labels.of(name, field), columns, rows));
            } else if (value instanceof JsonObject object) {
                Table owner = tables.stream().filter(t -> isRowOf(object, t)).findFirst().orElse(null);
                if (owner != null) {
                    owner.rows().add(row(object, true));
                } else {
                    object.forEach(e -> figures.add(new Figure(field + "." + e.getKey(), labels.of(name, field + "." + e.getKey()), e.getValue())));
                }
            } else {
                figures.add(new Figure(field, labels.of(name, field), value));
            }
        }
        return new Area(name, labels.of(name, name), tables, figures, chart(name, tables, labels));
    }

    private static Row row(JsonObject o, boolean total) {
        String code = o.getString("code", o.getString("kind", ""));
        Map<String, Object> values = new LinkedHashMap<>();
        o.forEach(e -> {
            if (!ROW_NAMING.contains(e.getKey())) {
                values.put(e.getKey(), e.getValue());
            }
        });
        return new Row(code, o.getString("labelVi", code), total, values);
    }

    private static boolean isRowOf(JsonObject object, Table table) {
        return !table.rows().isEmpty() && object.fieldNames().containsAll(table.rows().get(0).values().keySet())
                && (object.containsKey("code") || object.containsKey("kind"));
    }

    private static Chart chart(String area, List<Table> tables, Labels labels) {
        if (tables.isEmpty()) {
            return null;
        }
        String[] wanted = labels.chart(area);
        Table table = tables.stream().filter(t -> wanted != null && t.name().equals(wanted[0])).findFirst().orElse(tables.get(0));
        List<Column> columns = table.columns().stream()
                .filter(c -> wanted == null ? c == table.columns().get(0) : Arrays.asList(wanted).subList(1, wanted.length).contains(c.key()))
                .toList();
        return new Chart(table.titleVi(), table, columns.isEmpty() ? List.of(table.columns().get(0)) : columns);
    }

    JsonObject toJson() {
        JsonArray areasJson = new JsonArray();
        for (Area a : areas) {
            JsonArray tablesJson = new JsonArray();
            for (Table t : a.tables()) {
                JsonArray columns = new JsonArray();
                t.columns().forEach(c -> columns.add(new JsonObject().put("key", c.key()).put("labelVi", c.labelVi())));
                JsonArray rows = new JsonArray();
                t.rows().forEach(r -> rows.add(new JsonObject().put("code", r.code()).put("labelVi", r.labelVi())
                        .put("total", r.total()).put("values", new JsonObject(new LinkedHashMap<>(r.values())))));
                tablesJson.add(new JsonObject().put("name", t.name()).put("titleVi", t.titleVi()).put("columns", columns).put("rows", rows));
            }
            JsonArray figures = new JsonArray();
            a.figures().forEach(f -> figures.add(new JsonObject().put("key", f.key()).put("labelVi", f.labelVi()).put("value", f.value())));
            areasJson.add(new JsonObject().put("area", a.name()).put("titleVi", a.titleVi()).put("tables", tablesJson).put("figures", figures));
        }
        return new JsonObject()
                .put("orgUnit", new JsonObject().put("id", unit.id()).put("code", unit.code()).put("name", unit.name()))
                .put("from", from).put("to", to).put("generatedAt", generatedAt).put("areas", areasJson);
    }

    /** The labels of {@code summary-labels.properties}: data, so that a form's wording changes without code. */
    static final class Labels {
        private final Properties text = new Properties();

        Labels() {
            try (InputStream in = Summary.class.getResourceAsStream("/summary-labels.properties")) {
                text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String of(String area, String name) {
            return text.getProperty(area + "." + name, text.getProperty(name, name));
        }

        /** {table, column...} of the area's chart, or null for the default. */
        String[] chart(String area) {
            String spec = text.getProperty("chart." + area);
            if (spec == null) {
                return null;
            }
            String[] parts = spec.split(":", 2);
            List<String> out = new ArrayList<>(List.of(parts[0].strip()));
            if (parts.length > 1) {
                Arrays.stream(parts[1].split(",")).map(String::strip).forEach(out::add);
            }
            return out.toArray(String[]::new);
        }
    }
}
