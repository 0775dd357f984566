package org.hamkke.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores a set of {@link Tags} in a PostgreSQL {@code text[]} column. Written as an array literal
 * ({@code {"finance","legal registration"}}), which {@code stringtype=unspecified} lets PostgreSQL
 * read as the column's type; read back from the driver's {@link Array}. Not auto-applied: an
 * attribute says {@code @Convert(converter = TagsConverter.class)}.
 */
@Converter
public class TagsConverter implements AttributeConverter<Set<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(Set<String> tags) {
        return literal(tags == null ? Set.of() : new TreeSet<>(tags));
    }

    /** A {@code text[]} literal of the texts in their order (a list of links keeps its order, tags are sorted first). */
    public static String literal(Iterable<String> texts) {
        StringBuilder literal = new StringBuilder("{");
        for (String tag : texts) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(tag.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    @Override
    public Set<String> convertToEntityAttribute(Object column) {
        return new TreeSet<>(values(column));
    }

    /** A {@code text[]} column's texts in the array's order; null is none. */
    public static java.util.List<String> values(Object column) {
        if (column == null) {
            return java.util.List.of();
        }
        try {
            Object[] values = column instanceof Array array ? (Object[]) array.getArray() : (Object[]) column;
            return Arrays.stream(values).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a text[] column", e);
        }
    }
}
