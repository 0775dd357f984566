package org.hamkke.intake;

import java.util.List;
import java.util.Map;
import org.hamkke.shared.LocalizedText;

/**
 * The default Social Solidarity Economy rubric: six criteria weighted to 100, each scored out of 5,
 * labelled and explained in the portal's five languages. The call editor offers it with one
 * button; the demo data (db/demo/R__demo_data.sql) puts the same criteria on its demo call, and
 * DefaultRubricTest keeps the two in step.
 */
public final class DefaultRubric {

    public static final int MAX_SCORE = 5;

    /** The same three bands on every criterion, in the five languages: what a score means to a reviewer. */
    public static final List<ScoreBand> BANDS = List.of(
            new ScoreBand(0, 1, LocalizedText.of(Map.of("en", "weak or absent", "fr", "faible ou absent", "ar", "ضعيف أو غائب",
                    "id", "lemah atau tidak ada", "ur", "کمزور یا غیر موجود"))),
            new ScoreBand(2, 3, LocalizedText.of(Map.of("en", "present but unproven", "fr", "présent mais non démontré",
                    "ar", "موجود لكن غير مثبت", "id", "ada tetapi belum terbukti", "ur", "موجود مگر ثابت نہیں"))),
            new ScoreBand(4, 5, LocalizedText.of(Map.of("en", "strong and evidenced", "fr", "solide et étayé",
                    "ar", "قوي ومدعوم بالأدلة", "id", "kuat dan didukung bukti", "ur", "مضبوط اور شواہد سے ثابت"))));

    /** The bands as staff type them in one language, one per line ("0-1 weak or absent"). */
    public static String lines(String language) {
        return BANDS.stream().map(b -> b.line(language)).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** One criterion; label and guidance by language code. */
    public record Criterion(String key, Map<String, String> label, Map<String, String> guidance, int weight) {}

    public static final List<Criterion> CRITERIA = List.of(
            new Criterion("social-impact",
                    Map.of("en", "Social impact", "fr", "Impact social", "ar", "الأثر الاجتماعي", "id", "Dampak sosial",
                            "ur", "سماجی اثر"),
                    Map.of("en", "Who benefits, how many, and how clearly the change can be seen.",
                            "fr", "Qui en bénéficie, combien, et à quel point le changement est visible.",
                            "ar", "من يستفيد، وكم عددهم، ومدى وضوح التغيير.",
                            "id", "Siapa yang mendapat manfaat, berapa banyak, dan seberapa jelas perubahannya terlihat.",
                            "ur", "کون فائدہ اٹھاتا ہے، کتنے لوگ، اور تبدیلی کتنی واضح نظر آتی ہے۔"),
                    25),
            new Criterion("democratic-governance",
                    Map.of("en", "Democratic governance and collective ownership",
                            "fr", "Gouvernance démocratique et propriété collective",
                            "ar", "الحوكمة الديمقراطية والملكية الجماعية",
                            "id", "Tata kelola demokratis dan kepemilikan bersama",
                            "ur", "جمہوری انتظام اور اجتماعی ملکیت"),
                    Map.of("en", "One member, one vote; decisions and surplus shared.",
                            "fr", "Un membre, une voix ; décisions et excédents partagés.",
                            "ar", "عضو واحد، صوت واحد؛ القرارات والفائض مشتركة.",
                            "id", "Satu anggota, satu suara; keputusan dan surplus dibagi bersama.",
                            "ur", "ایک رکن، ایک ووٹ؛ فیصلے اور منافع سب میں مشترک۔"),
                    15),
            new Criterion("inclusion",
                    Map.of("en", "Inclusion of vulnerable groups", "fr", "Inclusion des groupes vulnérables",
                            "ar", "إدماج الفئات الهشة", "id", "Inklusi kelompok rentan", "ur", "کمزور طبقات کی شمولیت"),
                    Map.of("en", "Women home-based workers, informal workers, people with disabilities among members and leaders.",
                            "fr", "Travailleuses à domicile, travailleurs informels, personnes handicapées parmi les membres et les responsables.",
                            "ar", "العاملات من المنزل والعاملون في القطاع غير الرسمي والأشخاص ذوو الإعاقة بين الأعضاء والقيادات.",
                            "id", "Pekerja rumahan perempuan, pekerja informal, penyandang disabilitas di antara anggota dan pemimpin.",
                            "ur", "گھر سے کام کرنے والی خواتین، غیر رسمی کارکن اور معذور افراد، ارکان اور قیادت میں۔"),
                    20),
            new Criterion("environment",
                    Map.of("en", "Environmental sustainability", "fr", "Durabilité environnementale", "ar", "الاستدامة البيئية",
                            "id", "Keberlanjutan lingkungan", "ur", "ماحولیاتی پائیداری"),
                    Map.of("en", "Materials, energy and waste.", "fr", "Matériaux, énergie et déchets.",
                            "ar", "المواد والطاقة والنفايات.", "id", "Bahan, energi, dan limbah.", "ur", "مواد، توانائی اور فضلہ۔"),
                    10),
            new Criterion("viability",
                    Map.of("en", "Economic viability", "fr", "Viabilité économique", "ar", "الجدوى الاقتصادية",
                            "id", "Kelayakan ekonomi", "ur", "معاشی استحکام"),
                    Map.of("en", "Customers, prices and a path to covering costs.",
                            "fr", "Clients, prix et chemin vers la couverture des coûts.",
                            "ar", "العملاء والأسعار وطريق واضح لتغطية التكاليف.",
                            "id", "Pelanggan, harga, dan jalan untuk menutup biaya.",
                            "ur", "گاہک، قیمتیں اور اخراجات پورے کرنے کا راستہ۔"),
                    20),
            new Criterion("team",
                    Map.of("en", "Team capacity", "fr", "Capacité de l'équipe", "ar", "قدرات الفريق", "id", "Kapasitas tim",
                            "ur", "ٹیم کی صلاحیت"),
                    Map.of("en", "Skills, time and commitment of the members.", "fr", "Compétences, temps et engagement des membres.",
                            "ar", "مهارات الأعضاء ووقتهم والتزامهم.", "id", "Keterampilan, waktu, dan komitmen para anggota.",
                            "ur", "ارکان کی مہارت، وقت اور عزم۔"),
                    10));

    private DefaultRubric() {}
}
