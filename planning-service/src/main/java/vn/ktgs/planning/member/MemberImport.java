package vn.ktgs.planning.member;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.outbox.Outbox;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.problem.ProblemMappers;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.text.TextCharacters;
import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.kit.web.RequestInfo;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.Details;
import vn.ktgs.planning.org.OrgUnit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk import of members by systems ({@code integration}) and admins: an upsert by party card number, all or
 * nothing. Every row is checked first, against units and members read in bulk; one bad row fails the batch
 * with a 422 that lists every bad row (its number from 1: the line of an NDJSON body or the place in a JSON
 * array), and nothing is written. Otherwise new and changed members are written with a few set-based
 * statements (arrays through {@code unnest}), each with a history entry and one event; unchanged rows are
 * left alone, so importing the same batch again changes nothing and announces nothing.
 */
@ApplicationScoped
public class MemberImport {
    private static final Logger LOG = Logger.getLogger(MemberImport.class);
    /** The most rows one request may carry; a larger set is imported in several batches. */
    public static final int MAX_ROWS = 100_000;
    /** Rows per write statement: bounds the arrays sent at once. */
    private static final int CHUNK = 5_000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Validator validator;
    private final MemberCitizenIds citizenIds;
    private final MemberEvents events;
    private final Audit audit;
    private final Caller caller;
    private final RequestInfo request;
    private final Clock clock;

    MemberImport(AgroalDataSource dataSource, ObjectMapper json, Validator validator, MemberCitizenIds citizenIds,
                 MemberEvents events, Audit audit, Caller caller, RequestInfo request, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.validator = validator;
        this.citizenIds = citizenIds;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.request = request;
        this.clock = clock;
    }

    /** One row of the batch: its number, what it asks for, and (when it parsed) its state as it would be stored. */
    private record Row(int number, Details details, MemberState state) {
    }

    /** A member as stored now, with the path of its unit (for the scope check). */
    private record Existing(UUID id, MemberState state, long version, String unitPath) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MemberViews.ImportReport run(OrgUnit actorUnit, byte[] body, boolean ndjson) {
        long started = System.nanoTime();
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(body, ndjson, errors);
        int total = rows.size() + countRows(errors);
        if (total == 0) {
            throw ProblemException.invalid("body", "rows-required", "an import holds at least one member");
        }
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, MemberRules.Unit> units = units(c, actorUnit);
            MemberRules.Unit scope = units.get(actorUnit.id);
            LocalDate today = LocalDate.now(clock);
            Map<String, Existing> existing = existingByCard(c, rows);
            Map<String, String> cardByCitizen = cardsByCitizenIndex(c, rows);
            Map<String, Integer> rowOfCard = new HashMap<>();
            Map<String, Integer> rowOfCitizen = new HashMap<>();
            for (Row r : rows) {
                String at = "rows[" + r.number() + "].";
                MemberState s = r.state();
                errors.addAll(MemberRules.check(at, s, r.details().citizenId(), units::get, scope, today));
                Integer first = rowOfCard.putIfAbsent(s.cardNumber(), r.number());
                if (first != null) {
                    errors.add(new FieldError(at + "cardNumber", "card-number-once", "row " + first + " has this card number already"));
                }
                Integer firstCitizen = rowOfCitizen.putIfAbsent(s.citizenIdIndex(), r.number());
                if (firstCitizen != null) {
                    errors.add(new FieldError(at + "citizenId", "citizen-id-once", "row " + firstCitizen + " has this citizen ID already"));
                }
                String holder = cardByCitizen.get(s.citizenIdIndex());
                if (holder != null && !holder.equals(s.cardNumber())) {
                    errors.add(new FieldError(at + "citizenId", "citizen-id-unique", "another member has this citizen ID"));
                }
                Existing e = existing.get(s.cardNumber());
                if (e != null && !e.unitPath().startsWith(actorUnit.path)) {
                    errors.add(new FieldError(at + "cardNumber", "member-in-scope",
                            "the member with this card number belongs to a unit outside the caller's scope"));
                } else if (e != null && !e.state().unitId().equals(s.unitId()) && !e.state().status().transferable()) {
                    errors.add(new FieldError(at + "unitId", "transfer-allowed", "a member whose status is " + e.state().status()
                            + " cannot be transferred"));
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(MemberImport::rowOf));
                long badRows = errors.stream().map(MemberImport::rowOf).distinct().count();
                throw new ProblemException(422, "rule-violated", "The import breaks a rule", badRows + " of "
                        + total + " rows are not valid (rows are numbered from 1); nothing was imported",
                        errors);
            }
            return write(c, rows, existing, started);
        } catch (SQLException e) {
            throw new IllegalStateException("member import failed", e);
        }
    }

    private MemberViews.ImportReport write(Connection c, List<Row> rows, Map<String, Existing> existing, long started)
            throws SQLException {
        long checked = System.nanoTime();
        Instant now = Instant.now(clock);
        List<Row> created = new ArrayList<>();
        List<Row> updated = new ArrayList<>();
        for (Row r : rows) {
            Existing e = existing.get(r.state().cardNumber());
            if (e == null) {
                created.add(r);
            } else if (!e.state().equals(r.state())) {
                updated.add(r);
            }
        }
        Map<String, UUID> ids = new HashMap<>();
        created.forEach(r -> ids.put(r.state().cardNumber(), UUID.randomUUID()));
        for (List<Row> chunk : chunks(created)) {
            upsert(c, chunk, ids, existing, now, true);
        }
        for (List<Row> chunk : chunks(updated)) {
            upsert(c, chunk, ids, existing, now, false);
        }
        long written = System.nanoTime();
        List<Outbox.Entry> announced = new ArrayList<>(created.size() + updated.size());
        for (Row r : created) {
            announced.add(MemberEvents.entry(ids.get(r.state().cardNumber()), r.state(), 1, now));
        }
        for (Row r : updated) {
            Existing e = existing.get(r.state().cardNumber());
            announced.add(MemberEvents.entry(e.id(), r.state(), e.version() + 1, now));
        }
        events.upsertedAll(announced);
        MemberViews.ImportReport report = new MemberViews.ImportReport(rows.size(), created.size(), updated.size(),
                rows.size() - created.size() - updated.size());
        audit.record("member.imported", "member", "import", report);
        // where an import's time goes, for whoever tunes it: reading and checking, the set-based writes, the outbox
        LOG.infof("member import of %d rows (%d created, %d updated): checked in %d ms, written in %d ms, announced in %d ms",
                rows.size(), created.size(), updated.size(), (checked - started) / 1_000_000, (written - checked) / 1_000_000,
                (System.nanoTime() - written) / 1_000_000);
        return report;
    }

    /** Inserts ({@code create}) or updates one chunk of rows, and writes their history entries. */
    private void upsert(Connection c, List<Row> chunk, Map<String, UUID> ids, Map<String, Existing> existing, Instant now,
                        boolean create) throws SQLException {
        int n = chunk.size();
        String[][] cols = new String[15][n];
        String[][] history = new String[5][n];
        for (int i = 0; i < n; i++) {
            Row r = chunk.get(i);
            MemberState s = r.state();
            Existing e = existing.get(s.cardNumber());
            UUID id = create ? ids.get(s.cardNumber()) : e.id();
            long version = create ? 1 : e.version() + 1;
            boolean newCitizenId = create || !e.state().citizenIdIndex().equals(s.citizenIdIndex());
            cols[0][i] = id.toString();
            cols[1][i] = s.cardNumber();
            cols[2][i] = newCitizenId ? HexFormat.of().formatHex(citizenIds.seal(r.details().citizenId())) : null;
            cols[3][i] = s.citizenIdIndex();
            cols[4][i] = s.fullName();
            cols[5][i] = VietnameseText.fold(s.fullName());
            cols[6][i] = s.unitId().toString();
            cols[7][i] = s.status().name();
            cols[8][i] = Objects.toString(s.admittedDate(), null);
            cols[9][i] = Objects.toString(s.officialDate(), null);
            cols[10][i] = Objects.toString(s.statusSince(), null);
            cols[11][i] = MemberJson.write(s.committeePosts());
            cols[12][i] = s.statePosition();
            cols[13][i] = Objects.toString(s.managingUnitId(), null);
            cols[14][i] = String.valueOf(s.retired());
            MemberState before = create ? MemberState.EMPTY : e.state();
            history[0][i] = id.toString();
            history[1][i] = String.valueOf(version);
            history[2][i] = create || before.unitId().equals(s.unitId()) ? null : before.unitId().toString();
            history[3][i] = create || !before.unitId().equals(s.unitId()) ? s.unitId().toString() : null;
            history[4][i] = MemberJson.write(before.changesTo(s));
        }
        String rowsSql = " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS r(id, card, sealed, idx, fname, folded, unit, status, admitted, official, since, posts, state_post, managing, retired)";
        String sql = create
                ? "INSERT INTO member (id, card_number, citizen_id_sealed, citizen_id_index, full_name, full_name_folded, unit_id,"
                + " status, admitted_date, official_date, status_since, committee_posts, state_position, managing_unit_id, retired,"
                + " version, created_at, updated_at) SELECT id::uuid, card, decode(sealed, 'hex'), idx, fname, folded, unit::uuid,"
                + " status, admitted::date, official::date, since::date, posts::jsonb, state_post, managing::uuid, retired::boolean,"
                + " 1, t.ts, t.ts FROM (SELECT ?::timestamptz AS ts) t," + rowsSql
                : "UPDATE member m SET card_number = card, citizen_id_sealed = coalesce(decode(sealed, 'hex'), m.citizen_id_sealed),"
                + " citizen_id_index = idx, full_name = fname, full_name_folded = folded, unit_id = unit::uuid, status = r.status,"
                + " admitted_date = admitted::date, official_date = official::date, status_since = since::date,"
                + " committee_posts = posts::jsonb, state_position = state_post, managing_unit_id = managing::uuid,"
                + " retired = r.retired::boolean, version = m.version + 1, updated_at = ?"
                + " FROM" + rowsSql + " WHERE m.id = r.id::uuid";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, java.sql.Timestamp.from(now));
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(2 + k, c.createArrayOf("text", cols[k]));
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_history (member_id, version, action, from_unit_id,"
                + " to_unit_id, changes, actor, request_id, at) SELECT id::uuid, version::bigint, ?, from_unit::uuid, to_unit::uuid,"
                + " changes::jsonb, ?, ?, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS h(id, version, from_unit, to_unit, changes)")) {
            ps.setString(1, "IMPORTED");
            ps.setString(2, caller.subject());
            ps.setString(3, request.requestId());
            ps.setTimestamp(4, java.sql.Timestamp.from(now));
            for (int k = 0; k < history.length; k++) {
                ps.setArray(5 + k, c.createArrayOf("text", history[k]));
            }
            ps.executeUpdate();
        }
    }

    /** The caller's subtree and the units above it: every unit a row may name, a seat or a managing unit included. */
    private static Map<UUID, MemberRules.Unit> units(Connection c, OrgUnit actorUnit) throws SQLException {
        Map<UUID, MemberRules.Unit> units = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, path, has_ubkt, has_btv FROM org_unit"
                + " WHERE (path >= ? AND path < ?) OR id = ANY (?)")) {
            ps.setString(1, actorUnit.path);
            ps.setString(2, actorUnit.subtreeBound());
            ps.setArray(3, c.createArrayOf("uuid", actorUnit.ancestorIds().toArray()));
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                units.put(id, new MemberRules.Unit(id, rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
        }
        return units;
    }

    /** The members the rows name by card number, locked until the import commits. */
    private Map<String, Existing> existingByCard(Connection c, List<Row> rows) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.card_number, m.citizen_id_index, m.full_name, m.unit_id,"
                + " m.status, m.admitted_date, m.official_date, m.status_since, m.committee_posts, m.state_position,"
                + " m.managing_unit_id, m.retired, m.version, u.path FROM member m JOIN org_unit u ON u.id = m.unit_id"
                + " WHERE m.card_number = ANY (?) FOR UPDATE OF m")) {
            ps.setArray(1, texts(c, rows.stream().map(r -> r.state().cardNumber())));
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                MemberState s = new MemberState(rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class),
                        Status.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), MemberJson.posts(rs.getString(10)), rs.getString(11),
                        rs.getObject(12, UUID.class), rs.getBoolean(13));
                found.put(s.cardNumber(), new Existing(rs.getObject(1, UUID.class), s, rs.getLong(14), rs.getString(15)));
            }
        }
        return found;
    }

    /** Card numbers of the members that hold the rows' citizen IDs (by blind index). */
    private static Map<String, String> cardsByCitizenIndex(Connection c, List<Row> rows) throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT citizen_id_index, card_number FROM member WHERE citizen_id_index = ANY (?)")) {
            ps.setArray(1, texts(c, rows.stream().map(r -> r.state().citizenIdIndex())));
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }

    /** The rows that parse and keep the format rules; the others become errors. */
    private List<Row> parse(byte[] body, boolean ndjson, List<FieldError> errors) {
        ObjectReader reader = json.readerFor(Details.class);
        List<Row> rows = new ArrayList<>();
        if (ndjson) {
            String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!line.isBlank()) {
                    limit(rows.size() + countRows(errors));
                    row(i + 1, () -> reader.readValue(line), rows, errors);
                }
            }
            return rows;
        }
        try (JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("body", "json", "the body is a JSON array of members, or NDJSON (one member a line)");
            }
            int number = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw ProblemException.invalid("body", "json", "the body is not well-formed JSON");
                }
                limit(number);
                com.fasterxml.jackson.databind.JsonNode node = json.readTree(p);
                row(++number, () -> reader.readValue(node), rows, errors);
            }
        } catch (JsonParseException | StreamConstraintsException e) { // not well-formed, or beyond the parser's limits
            throw ProblemException.invalid("body", "json", ProblemMappers.jsonProblem(e));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private interface Reading {
        Details read() throws IOException;
    }

    private void row(int number, Reading reading, List<Row> rows, List<FieldError> errors) {
        String at = "rows[" + number + "].";
        Details d;
        try {
            d = reading.read();
        } catch (TextCharacters.Rejected e) {
            errors.add(new FieldError(at + e.field(), "text-characters", e.getOriginalMessage()));
            return;
        } catch (JsonParseException | StreamConstraintsException e) {
            errors.add(new FieldError(at + "body", "json", ProblemMappers.jsonProblem(e)));
            return;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors.add(new FieldError(at + (field.isEmpty() ? "body" : field), "json", "the value does not fit this field"));
            return;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (d == null) {
            errors.add(new FieldError(at + "body", "json", "a row is a member object"));
            return;
        }
        List<FieldError> invalid = new ArrayList<>();
        for (ConstraintViolation<Details> v : validator.validate(d)) {
            String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            invalid.add(new FieldError(at + v.getPropertyPath(), Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1),
                    v.getMessage()));
        }
        if (invalid.isEmpty()) {
            rows.add(new Row(number, d, MemberState.of(d, citizenIds.index(d.citizenId()))));
        } else {
            errors.addAll(invalid);
        }
    }

    private static void limit(int rowsSoFar) {
        if (rowsSoFar >= MAX_ROWS) {
            throw ProblemException.ruleViolated("body", "rows-at-most", "an import holds at most " + MAX_ROWS
                    + " members; import a larger set in several batches");
        }
    }

    /** The distinct rows that already failed to parse. */
    private static int countRows(List<FieldError> errors) {
        return (int) errors.stream().map(MemberImport::rowOf).distinct().count();
    }

    private static int rowOf(FieldError e) {
        return Integer.parseInt(e.field().substring("rows[".length(), e.field().indexOf(']')));
    }

    private static List<List<Row>> chunks(List<Row> rows) {
        List<List<Row>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static Array texts(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

}
