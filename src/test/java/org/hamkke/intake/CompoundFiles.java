package org.hamkke.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small but well-formed Compound File Binary files (MS-CFB), as Word 97-2003, Excel and
 * PowerPoint save them, for the tests of {@link AttachmentType}: a header, one FAT sector and a
 * directory chained through it. Streams are listed, not filled: only the directory is read.
 */
final class CompoundFiles {

    static final int FREE = 0xFFFFFFFF;
    static final int END_OF_CHAIN = 0xFFFFFFFE;
    static final int FAT_SECTOR = 0xFFFFFFFD;

    /** A directory entry: a stream, or a storage holding streams of its own. */
    record Entry(String name, List<Entry> children) {
        static Entry stream(String name) {
            return new Entry(name, null);
        }

        static Entry storage(String name, Entry... children) {
            return new Entry(name, List.of(children));
        }
    }

    private CompoundFiles() {}

    /** Version 3 (512-byte sectors) with these entries under the root. */
    static Path write(Path file, Entry... top) throws IOException {
        return write(file, 3, top);
    }

    static Path write(Path file, int version, Entry... top) throws IOException {
        int sectorSize = version == 4 ? 4096 : 512;
        List<ByteBuffer> entries = new ArrayList<>();
        entries.add(entry("Root Entry", 5));
        link(entries, 0, List.of(top));
        int perSector = sectorSize / 128;
        int directorySectors = (entries.size() + perSector - 1) / perSector;

        ByteBuffer out = ByteBuffer.allocate(sectorSize * (2 + directorySectors)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(CompoundFile.SIGNATURE);
        out.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) version).putShort(0x1C, (short) 0xFFFE);
        out.putShort(0x1E, (short) (version == 4 ? 12 : 9)).putShort(0x20, (short) 6);
        out.putInt(0x28, version == 4 ? directorySectors : 0);
        out.putInt(0x2C, 1).putInt(0x30, 1).putInt(0x38, 4096);
        out.putInt(0x3C, END_OF_CHAIN).putInt(0x40, 0).putInt(0x44, END_OF_CHAIN).putInt(0x48, 0);
        out.putInt(0x4C, 0);
        for (int i = 1; i < 109; i++) {
            out.putInt(0x4C + 4 * i, FREE);
        }
        // Sector 0: the FAT. Sectors 1..n: the directory, chained.
        int fat = sectorSize;
        for (int i = 0; i < sectorSize / 4; i++) {
            out.putInt(fat + 4 * i, FREE);
        }
        out.putInt(fat, FAT_SECTOR);
        for (int s = 1; s <= directorySectors; s++) {
            out.putInt(fat + 4 * s, s == directorySectors ? END_OF_CHAIN : s + 1);
        }
        for (int i = 0; i < directorySectors * perSector; i++) {
            ByteBuffer e = i < entries.size() ? entries.get(i) : entry("", 0);
            out.put(2 * sectorSize + 128 * i, e.array());
        }
        return Files.write(file, out.array());
    }

    /** Adds the children of {@code parent}: the first as its child, each next one as the right sibling of the one before. */
    private static void link(List<ByteBuffer> entries, int parent, List<Entry> children) {
        int previous = -1;
        for (Entry child : children) {
            int id = entries.size();
            entries.add(entry(child.name(), child.children() == null ? 2 : 1));
            if (previous < 0) {
                entries.get(parent).putInt(0x4C, id);
            } else {
                entries.get(previous).putInt(0x48, id);
            }
            previous = id;
            if (child.children() != null) {
                link(entries, id, child.children());
            }
        }
    }

    static ByteBuffer entry(String name, int type) {
        ByteBuffer e = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        e.put(0, utf16);
        e.putShort(0x40, (short) (name.isEmpty() ? 0 : utf16.length + 2));
        e.put(0x42, (byte) type);
        e.put(0x43, (byte) 1);
        e.putInt(0x44, FREE).putInt(0x48, FREE).putInt(0x4C, FREE);
        e.putInt(0x74, END_OF_CHAIN);
        return e;
    }
}
