package org.hamkke.incubation;

import java.lang.reflect.Field;
import org.hamkke.shared.BaseEntity;

/** Gives an entity built in a unit test the id the database would have given it. */
final class Ids {

    private Ids() {}

    static <T> T set(T entity, long id) {
        try {
            Class<?> type = entity instanceof BaseEntity ? BaseEntity.class : entity.getClass();
            Field field = type.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
