package org.hamkke.academy.web;

import java.io.Serializable;

/** A language offered for translation in an editor: its code, its own name, its direction. */
public record Translation(String code, String name, String dir) implements Serializable {}
