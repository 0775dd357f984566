package org.hamkke.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an applicant may attach: PDF, images and office documents, recognised from the bytes, never
 * from the name. A file whose name claims one of these types while its content is another (a
 * program renamed {@code budget.pdf}, a photo renamed {@code plan.docx}) is disguised and refused.
 * A file that is kept is named after what it is ({@link #fileName}): whoever downloads it later
 * sees the type it really has.
 */
public enum AttachmentType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls"),
    PPT("application/vnd.ms-powerpoint", "ppt");

    /** An extension as people write one: a letter, then letters or digits ("pdf", "JPG", "mp4"); "v2.1 final" has none. */
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]{0,7}");

    /** Longest stored name, in characters, extension included. */
    static final int MAX_NAME = 150;

    private final String mediaType;
    private final String[] extensions;

    AttachmentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual extension of this type, e.g. "pdf", "jpg". */
    public String extension() {
        return extensions[0];
    }

    /** Why a file was turned away. */
    public enum Verdict {
        NOT_ALLOWED,
        DISGUISED
    }

    /** The type, or why not. Exactly one of the two is present. */
    public record Detected(AttachmentType type, Verdict refusal) {}

    /** Looks at the content of {@code file}, then checks the name does not claim something else. */
    public static Detected detect(Path file, String originalName) throws IOException {
        AttachmentType claimed = byExtension(originalName).orElse(null);
        AttachmentType found = byContent(file);
        if (found == null) {
            return new Detected(null, claimed == null ? Verdict.NOT_ALLOWED : Verdict.DISGUISED);
        }
        if (claimed != null && claimed != found) {
            return new Detected(null, Verdict.DISGUISED);
        }
        return new Detected(found, null);
    }

    /**
     * The name a file of this type is kept under: the (already cleaned) name it was sent with,
     * ending in this type's extension. An extension that is this type's stays as written
     * ({@code scan.JPG}); any other is replaced ({@code photo.exe} that is a PNG becomes
     * {@code photo.png}; {@code reportfdp.html} that is a PDF becomes {@code reportfdp.pdf}); a
     * name without one gets it. Another allowed type's extension never reaches here: that file
     * was refused as disguised.
     */
    public String fileName(String cleaned) {
        String name = cleaned == null ? "" : cleaned.replaceAll("[.\\s]+$", "");
        String base = name;
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && EXTENSION.matcher(name.substring(dot + 1)).matches()) {
            base = name.substring(0, dot);
            String extension = name.substring(dot + 1);
            if (Arrays.asList(extensions).contains(extension.toLowerCase(Locale.ROOT))) {
                return shortened(base, extension);
            }
        }
        return shortened(base, extensions[0]);
    }

    /** The base cut (between characters, never inside one) so that base, dot and extension fit {@link #MAX_NAME}. */
    private static String shortened(String base, String extension) {
        String kept = base.replaceAll("[.\\s]+$", "").strip();
        int room = MAX_NAME - extension.length() - 1;
        if (kept.codePointCount(0, kept.length()) > room) {
            kept = kept.substring(0, kept.offsetByCodePoints(0, room)).strip();
        }
        return (kept.isEmpty() ? "file" : kept) + "." + extension;
    }

    /** The type the name claims. Trailing dots and spaces do not hide a claim: Windows drops them, "budget.pdf." is a PDF to it. */
    static Optional<AttachmentType> byExtension(String sent) {
        String name = sent == null ? "" : sent.replaceAll("[.\\s]+$", "");
        if (name.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> Arrays.asList(t.extensions).contains(ext)).findFirst();
    }

    /** The type the bytes say, or null when they are none of ours. */
    private static AttachmentType byContent(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(head, n, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return PNG;
        }
        if (startsWith(head, n, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        if (startsWith(head, n, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(head, n, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return GIF;
        }
        if (n >= 12 && startsWith(head, n, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return WEBP;
        }
        if (startsWith(head, n, CompoundFile.SIGNATURE)) {
            return legacyOffice(file);
        }
        if (startsWith(head, n, new byte[] {'P', 'K', 3, 4})) {
            return officeZip(file);
        }
        return null;
    }

    /** OOXML and OpenDocument are ZIP archives; their entries say which kind. Other archives are refused. */
    private static AttachmentType officeZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 100) {
                String type;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
                for (AttachmentType t : new AttachmentType[] {ODT, ODS, ODP}) {
                    if (t.mediaType.equals(type)) {
                        return t;
                    }
                }
                return null;
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                return null;
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith("word/")) {
                    return DOCX;
                }
                if (name.startsWith("xl/")) {
                    return XLSX;
                }
                if (name.startsWith("ppt/")) {
                    return PPTX;
                }
            }
            return null;
        } catch (java.util.zip.ZipException broken) {
            return null;
        }
    }

    /**
     * The legacy office formats share one container (also used by installers and mail files); the
     * streams at its top say which it is: Word keeps its text in "WordDocument", Excel its sheets in
     * "Workbook" ("Book" before Excel 97), PowerPoint its slides in "PowerPoint Document". A file
     * with none of them, or with more than one kind, is none of ours.
     */
    private static AttachmentType legacyOffice(Path file) throws IOException {
        Set<String> streams = CompoundFile.topLevelStreams(file).orElse(Set.of()).stream()
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        Set<AttachmentType> kinds = new java.util.HashSet<>();
        if (streams.contains("worddocument")) {
            kinds.add(DOC);
        }
        if (streams.contains("workbook") || streams.contains("book")) {
            kinds.add(XLS);
        }
        if (streams.contains("powerpoint document")) {
            kinds.add(PPT);
        }
        return kinds.size() == 1 ? kinds.iterator().next() : null;
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
