package org.hamkke.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Just enough of Microsoft's Compound File Binary format (MS-CFB, the container of the legacy
 * .doc, .xls and .ppt files, and of .msi installers and Outlook .msg files) to list the streams at
 * the top of the file: which of them are there says what the file is. Only the header, the FAT
 * sectors the directory's chain passes through and the directory itself are read, never a
 * stream's content.
 *
 * <p>The file comes from a stranger: every sector number is checked against the file's size,
 * chains and the directory tree are walked with a visited set (a crafted loop ends, it does not
 * spin), and anything that does not add up makes the file "not a compound file".
 */
final class CompoundFile {

    static final byte[] SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private static final int HEADER_DIFAT_ENTRIES = 109;
    private static final int END_OF_CHAIN = 0xFFFFFFFE;
    private static final int NO_STREAM = 0xFFFFFFFF;
    private static final int DIRECTORY_ENTRY = 128;
    private static final int TYPE_STREAM = 2;
    private static final int TYPE_ROOT = 5;

    private final FileChannel channel;
    private final int sectorSize;
    private final long sectors;
    private final List<Integer> fatSectors = new ArrayList<>();

    private CompoundFile(FileChannel channel, int sectorSize) throws IOException {
        this.channel = channel;
        this.sectorSize = sectorSize;
        this.sectors = (channel.size() + sectorSize - 1) / sectorSize - 1;
    }

    /** The names of the streams directly under the root storage, or empty when this is no well-formed compound file. */
    static Optional<Set<String>> topLevelStreams(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            if (channel.size() < 512) {
                return Optional.empty();
            }
            ByteBuffer header = read(channel, 0, 512);
            if (header == null || !header.slice(0, SIGNATURE.length).equals(ByteBuffer.wrap(SIGNATURE))) {
                return Optional.empty();
            }
            int major = header.getShort(0x1A) & 0xFFFF;
            int shift = header.getShort(0x1E) & 0xFFFF;
            if (!(major == 3 && shift == 9) && !(major == 4 && shift == 12)) {
                return Optional.empty();
            }
            CompoundFile cfb = new CompoundFile(channel, 1 << shift);
            return cfb.readFat(header) ? cfb.rootStreams(header.getInt(0x30)) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    /** Where the FAT's sectors are: 109 in the header, the rest in a chain of DIFAT sectors. */
    private boolean readFat(ByteBuffer header) throws IOException {
        int count = header.getInt(0x2C);
        if (count < 0 || count > sectors) {
            return false;
        }
        for (int i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.size() < count; i++) {
            fatSectors.add(header.getInt(0x4C + 4 * i));
        }
        Set<Integer> visited = new HashSet<>();
        int difat = header.getInt(0x44);
        int perSector = sectorSize / 4 - 1;
        while (fatSectors.size() < count) {
            if (!isRegular(difat) || !visited.add(difat)) {
                return false;
            }
            ByteBuffer sector = sector(difat);
            if (sector == null) {
                return false;
            }
            for (int i = 0; i < perSector && fatSectors.size() < count; i++) {
                fatSectors.add(sector.getInt(4 * i));
            }
            difat = sector.getInt(4 * perSector);
        }
        return true;
    }

    private Optional<Set<String>> rootStreams(int firstDirectorySector) throws IOException {
        List<ByteBuffer> directory = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        for (int s = firstDirectorySector; s != END_OF_CHAIN; s = next(s)) {
            ByteBuffer sector = isRegular(s) && visited.add(s) ? sector(s) : null;
            if (sector == null) {
                return Optional.empty();
            }
            directory.add(sector);
        }
        int perSector = sectorSize / DIRECTORY_ENTRY;
        long entries = (long) directory.size() * perSector;
        if (entries == 0 || type(directory, 0, perSector) != TYPE_ROOT) {
            return Optional.empty();
        }
        // The root's children form a tree through their left and right siblings; a child's own
        // children (an embedded object's streams, say) are not the file's own.
        Set<String> names = new LinkedHashSet<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(entry(directory, 0, perSector).getInt(0x4C));
        while (!pending.isEmpty()) {
            int id = pending.pop();
            if (id == NO_STREAM) {
                continue;
            }
            if (id < 0 || id >= entries || !seen.add(id)) {
                return Optional.empty();
            }
            ByteBuffer entry = entry(directory, id, perSector);
            if (type(directory, id, perSector) == TYPE_STREAM) {
                int length = entry.getShort(0x40) & 0xFFFF;
                if (length < 2 || length > 64 || length % 2 != 0) {
                    return Optional.empty();
                }
                byte[] name = new byte[length - 2];
                entry.get(0, name);
                names.add(new String(name, StandardCharsets.UTF_16LE));
            }
            pending.push(entry.getInt(0x44));
            pending.push(entry.getInt(0x48));
        }
        return Optional.of(names);
    }

    /** The sector after {@code s} in its chain, from the FAT. */
    private int next(int s) throws IOException {
        int perSector = sectorSize / 4;
        int index = s / perSector;
        if (index >= fatSectors.size() || !isRegular(fatSectors.get(index))) {
            return NO_STREAM;
        }
        ByteBuffer fat = sector(fatSectors.get(index));
        return fat == null ? NO_STREAM : fat.getInt(4 * (s % perSector));
    }

    private static ByteBuffer entry(List<ByteBuffer> directory, int id, int perSector) {
        return directory.get(id / perSector).slice((id % perSector) * DIRECTORY_ENTRY, DIRECTORY_ENTRY).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int type(List<ByteBuffer> directory, int id, int perSector) {
        return entry(directory, id, perSector).get(0x42);
    }

    /** A sector of this file (the special values, end of chain and free among them, are all negative as ints). */
    private boolean isRegular(int sector) {
        return sector >= 0 && sector < sectors;
    }

    private ByteBuffer sector(int s) throws IOException {
        return read(channel, (long) (s + 1) * sectorSize, sectorSize);
    }

    /** {@code length} bytes at {@code position}, little-endian, or null when the file ends before. */
    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
