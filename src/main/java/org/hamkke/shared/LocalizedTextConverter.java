package org.hamkke.shared;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a {@link LocalizedText} as a jsonb object {"en": "...", "fr": "..."}. The column type is
 * Object because the PostgreSQL driver reads jsonb as a PGobject; its text is the JSON.
 */
@Converter(autoApply = true)
public class LocalizedTextConverter implements AttributeConverter<LocalizedText, Object> {

    @Override
    public Object convertToDatabaseColumn(LocalizedText text) {
        return text == null ? null : text.json();
    }

    @Override
    public LocalizedText convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        try (var reader = JsonObjects.JSON.createReader(new StringReader(column.toString()))) {
            JsonObject json = reader.readObject();
            Map<String, String> byLanguage = new LinkedHashMap<>();
            json.forEach((language, value) -> {
                if (value instanceof JsonString string) {
                    byLanguage.put(language, string.getString());
                }
            });
            return LocalizedText.of(byLanguage);
        }
    }
}
