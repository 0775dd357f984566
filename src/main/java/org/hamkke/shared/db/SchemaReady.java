package org.hamkke.shared.db;

/**
 * Fired once the schema is current, which may be well after start when the database was down.
 * Whatever needs the database from the beginning (the scheduler) starts on this event, not at
 * deploy.
 */
public record SchemaReady() {}
