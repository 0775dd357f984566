-- Demo data for the one-command dev run only (hamkke.demo-data=true); never applied in production.
-- Repeatable and idempotent: it fills an empty catalog and leaves a used one alone.
insert into programme_call (title, summary, opens_at, closes_at, time_zone)
select * from (values
  ('{"en": "Women-led cooperatives incubation 2027", "fr": "Incubation des coopératives menées par des femmes 2027", "ar": "احتضان التعاونيات التي تقودها النساء 2027", "id": "Inkubasi koperasi yang dipimpin perempuan 2027", "ur": "خواتین کی زیرِ قیادت کوآپریٹوز کی انکیوبیشن 2027"}'::jsonb,
   '{"en": "Twelve months of mentoring, training and seed support for cooperatives and self-help groups led by women home-based workers.", "fr": "Douze mois d''accompagnement, de formation et d''appui d''amorçage pour les coopératives et groupes d''entraide menés par des travailleuses à domicile.", "ar": "اثنا عشر شهرًا من الإرشاد والتدريب والدعم الأولي للتعاونيات ومجموعات المساعدة الذاتية التي تقودها العاملات من المنزل.", "id": "Dua belas bulan pendampingan, pelatihan, dan dukungan awal bagi koperasi dan kelompok swadaya yang dipimpin pekerja rumahan perempuan.", "ur": "گھر سے کام کرنے والی خواتین کی قیادت میں کوآپریٹوز اور سیلف ہیلپ گروپس کے لیے بارہ ماہ کی رہنمائی، تربیت اور ابتدائی مدد۔"}'::jsonb,
   now() - interval '10 days', now() + interval '40 days', 'Asia/Seoul'),
  ('{"en": "Green livelihoods call", "fr": "Appel moyens de subsistance verts", "id": "Panggilan penghidupan hijau"}'::jsonb,
   '{"en": "For community enterprises in recycling, repair, organic farming and renewable energy.", "fr": "Pour les entreprises communautaires du recyclage, de la réparation, de l''agriculture biologique et des énergies renouvelables.", "id": "Untuk usaha komunitas di bidang daur ulang, perbaikan, pertanian organik, dan energi terbarukan."}'::jsonb,
   now() - interval '2 days', now() + interval '12 days', 'Asia/Jakarta'),
  ('{"en": "Social enterprise seed round (closed)"}'::jsonb,
   '{"en": "Last year''s call, kept to show history."}'::jsonb,
   now() - interval '400 days', now() - interval '330 days', 'Asia/Seoul')
) as demo(title, summary, opens_at, closes_at, time_zone)
where not exists (select 1 from programme_call);

insert into course (title, summary, duration_weeks, published)
select * from (values
  ('{"en": "Starting a social enterprise", "fr": "Créer une entreprise sociale", "ar": "تأسيس مؤسسة اجتماعية", "id": "Memulai usaha sosial", "ur": "سماجی کاروبار کا آغاز"}'::jsonb,
   '{"en": "From an idea that helps your community to a plan that pays its way.", "fr": "D''une idée utile à votre communauté à un plan qui tient la route.", "ar": "من فكرة تخدم مجتمعك إلى خطة قادرة على الاستمرار.", "id": "Dari gagasan yang membantu komunitas Anda menjadi rencana yang berkelanjutan.", "ur": "اپنی برادری کی مدد کرنے والے خیال سے ایک پائیدار منصوبے تک۔"}'::jsonb, 6, true),
  ('{"en": "Running a cooperative democratically", "fr": "Gérer une coopérative démocratiquement", "ar": "إدارة تعاونية بشكل ديمقراطي", "id": "Mengelola koperasi secara demokratis", "ur": "کوآپریٹو کو جمہوری انداز میں چلانا"}'::jsonb,
   '{"en": "Meetings, votes, shares and fair pay: the everyday practice of collective ownership.", "fr": "Réunions, votes, parts sociales et rémunération équitable : la propriété collective au quotidien.", "ar": "الاجتماعات والتصويت والحصص والأجر العادل: ممارسة الملكية الجماعية يوميًا.", "id": "Rapat, pemungutan suara, saham, dan upah yang adil: praktik sehari-hari kepemilikan bersama.", "ur": "اجلاس، ووٹ، حصص اور منصفانہ اجرت: اجتماعی ملکیت کا روزمرہ عمل۔"}'::jsonb, 4, true),
  ('{"en": "Bookkeeping on a phone", "fr": "Tenir ses comptes sur téléphone", "id": "Pembukuan lewat ponsel"}'::jsonb,
   '{"en": "Simple daily records, cash flow and prices, all from a mobile phone.", "fr": "Registres quotidiens simples, trésorerie et prix, depuis un téléphone.", "id": "Catatan harian sederhana, arus kas, dan harga, semuanya dari ponsel."}'::jsonb, 3, true)
) as demo(title, summary, duration_weeks, published)
where not exists (select 1 from course);
