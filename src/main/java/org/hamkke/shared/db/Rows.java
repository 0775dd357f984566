package org.hamkke.shared.db;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of a native query, read by column name into records. Native SQL is kept for what
 * earns it (reporting-style aggregates, keyset paging, locking, PostgreSQL's own features, rules
 * that must sit inside the query); its rows never travel as arrays read by position. EclipseLink
 * hands each row over as a map from column name to value (the {@code eclipselink.result-type}
 * hint), and {@link Row} converts the JDBC values a feature would otherwise cast by hand.
 *
 * <pre>{@code
 * Rows.list(em.createNativeQuery("select id, name, submitted_at from application where call_id = ?1")
 *         .setParameter(1, callId), r -> new Row(r.id("id"), r.text("name"), r.instant("submitted_at")));
 * }</pre>
 */
public final class Rows {

    private Rows() {}

    public static <T> List<T> list(Query query, Function<Row, T> record) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = query.setHint("eclipselink.result-type", "Map").getResultList();
        return rows.stream().map(Row::new).map(record).toList();
    }

    public static <T> Optional<T> first(Query query, Function<Row, T> record) {
        return list(query.setMaxResults(1), record).stream().findFirst();
    }

    /** One row: its columns by the names the query gives them (lower case, as PostgreSQL labels them). */
    public static final class Row {
        private final Map<String, Object> values;

        Row(Map<String, Object> values) {
            this.values = values;
        }

        private Object value(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("No column " + column + " in the row " + values.keySet());
            }
            return values.get(column);
        }

        /** The value as the driver gave it, e.g. to bind it back as a parameter (a keyset cursor). */
        public Object raw(String column) {
            return value(column);
        }

        public long id(String column) {
            return ((Number) value(column)).longValue();
        }

        public Long optionalId(String column) {
            return value(column) instanceof Number n ? n.longValue() : null;
        }

        public int integer(String column) {
            return ((Number) value(column)).intValue();
        }

        public Integer optionalInteger(String column) {
            return value(column) instanceof Number n ? n.intValue() : null;
        }

        public double number(String column) {
            return ((Number) value(column)).doubleValue();
        }

        public Double optionalNumber(String column) {
            return value(column) instanceof Number n ? n.doubleValue() : null;
        }

        public boolean flag(String column) {
            return Boolean.TRUE.equals(value(column));
        }

        /** Text, or jsonb read as its JSON text (the driver's PGobject prints its value). */
        public String text(String column) {
            Object value = value(column);
            return value == null ? null : value.toString();
        }

        public Instant instant(String column) {
            Object value = value(column);
            return switch (value) {
                case null -> null;
                case Timestamp t -> t.toInstant();
                case OffsetDateTime t -> t.toInstant();
                case Instant t -> t;
                default -> throw new IllegalArgumentException(column + " is not a moment: " + value.getClass());
            };
        }

        /** A date column (a day, no time of day or zone), e.g. a cohort's first day. */
        public LocalDate date(String column) {
            Object value = value(column);
            return switch (value) {
                case null -> null;
                case java.sql.Date d -> d.toLocalDate();
                case LocalDate d -> d;
                default -> throw new IllegalArgumentException(column + " is not a date: " + value.getClass());
            };
        }

        /** A text column holding an enum constant's name, e.g. a stage; null stays null. */
        public <E extends Enum<E>> E constant(Class<E> type, String column) {
            String name = text(column);
            return name == null ? null : Enum.valueOf(type, name);
        }

        /** A {@code text[]} column (or an {@code array_agg}) as a sorted set; null is empty. */
        public java.util.Set<String> tags(String column) {
            return new org.hamkke.shared.TagsConverter().convertToEntityAttribute(value(column));
        }

        /** A {@code bigint[]} column (or an {@code array_agg} of ids) as a set; null is empty. */
        public java.util.Set<Long> ids(String column) {
            Object value = value(column);
            if (value == null) {
                return java.util.Set.of();
            }
            try {
                Object[] array = value instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) value;
                java.util.Set<Long> ids = new java.util.HashSet<>();
                for (Object id : array) {
                    if (id != null) {
                        ids.add(((Number) id).longValue());
                    }
                }
                return ids;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not read the array " + column, e);
            }
        }
    }
}
