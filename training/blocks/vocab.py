# ruff: noqa: E501 (word lists)
"""Invented word lists for the regional blocks make_examples.py composes: given names and
surnames of many cultures (romanised and, for Japanese, Korean, Chinese, Thai, Arabic, Greek
and Cyrillic, in their own scripts), honorifics and letters after a name, company roots with
the legal forms of many countries, organisations (universities, hospitals, NGOs, public
bodies), and titles in several languages. Every person and company composed from them is
invented; the words are common words of each language or made up.

Each list is split once, by a stable hash of the item, into a training slice and a held-out
slice (about one item in five): make_examples.py composes its training blocks from the
training slices only, and validate.py composes its validation blocks from a different seed
with the held-out slices, so the validation figures measure words the model never saw.
"""

from __future__ import annotations

import zlib

HELD_OUT_SHARE = 5  # one item in five is held out


def held_out(item: str) -> bool:
    return zlib.crc32(item.encode("utf-8")) % HELD_OUT_SHARE == 0


def split(items: list[str], held: bool) -> list[str]:
    """The training slice (held=False) or the held-out slice (held=True) of a list; a list the
    hash holds nothing of out holds out its item of the lowest hash."""
    chosen = {item for item in items if held_out(item)}
    if not chosen and len(items) > 1:
        chosen = {min(items, key=lambda item: zlib.crc32(item.encode("utf-8")))}
    return [item for item in items if (item in chosen) == held]


def words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def bars(text: str) -> list[str]:
    return [w.strip() for w in text.replace("\n", " ").split("|") if w.strip()]


# Given names and surnames by region: (given, family, family-first?)
GIVEN = {
    "tr": words("""Emre Burak Zeynep Ayşe Mehmet Elif Cem Deniz Selin Oğuz Gökhan Şule Tuğba
Çağla Ilgın Kerem Berk Ebru Yusuf Hakan Aslı Merve Serkan Özge Bülent Nazlı Ömer İrem"""),
    "ar": words("""Ahmed Mohamed Youssef Omar Khaled Mariam Nour Layla Salma Karim Tarek Hoda
Rania Amr Hisham Dina Yasmine Samir Nadia Walid Faisal Hamad Aisha Reem Saeed Mona Ziad
Abdelrahman Abdullah Fatma Hind Imane Mehdi Soukaina Anas Rachid Ghita"""),
    "fa": words("""Arash Babak Dariush Farhad Kaveh Leila Mahsa Nasrin Parisa Reza Shirin
Yasaman Golnar Behnaz Omid Roya"""),
    "in": words("""Aarav Ananya Arjun Deepika Harsha Ishaan Kavya Lakshmi Meera Nikhil Pooja
Priyanka Rahul Rohan Sanjana Shreya Suresh Vikram Aditi Gaurav Neha Rajesh Sunita Venkat
Karthik Divya Anil Ramesh Swati Manish"""),
    "th": words("""Somchai Siriporn Nattapong Kanokwan Pimchanok Thanawat Supaporn Chaiwat
Wanida Krit Nipa Anucha Rattana Jiraporn Pornthip Sakda"""),
    "vn": words("""Minh Lan Tuan Huong Thanh Ngoc Duc Hoa Quang Mai Phuong Trung Linh Hieu
Thao Khoa Anh Dung Nhung Vinh"""),
    "id": words("""Budi Sari Agus Dewi Rizky Putri Wahyu Indah Bambang Ratna Eko Fitri Hendra
Ayu Joko Wulan Teguh Intan"""),
    "jp": words("""Haruto Yuki Sakura Takeshi Kenji Aiko Hiroshi Naoko Daisuke Emi Kazuki
Mayumi Ryota Shota Tomoko Yuto Akane Satoshi Keiko Masato"""),
    "kr": words("""Minjun Seoyeon Jiho Sung-ho Ji-woo Hyun-woo Eun-ji Dong-hyun Min-seo Jae-won
Soo-jin Hye-jin Young-min Ha-eun Tae-yang Yuna"""),
    "cn": words("""Wei Fang Jing Lei Min Xiaoming Yan Hui Jun Ling Tao Xin Qiang Ying Hao
Mei-Ling Chia-Hao Yu-Ting Wen-Chi Shu-Fen"""),
    "sl": words("""Aleksandr Katarzyna Piotr Tomasz Agnieszka Dragan Milena Jelena Nikola
Zuzana Ondřej Jiří Tereza Petra Marek Bogdan Ivana Dušan Vesna Małgorzata Łukasz Žaneta
Goran Snežana Miroslav Radka"""),
    "hu": words("""Bence Dániel Eszter Gábor Ildikó János Katalin László Márta Péter Réka
Zsófia Zoltán Ágnes Balázs Csilla Tamás Orsolya"""),
    "gr": words("""Giorgos Dimitris Eleni Konstantinos Maria Nikos Sofia Yannis Katerina
Christos Vasiliki Panagiotis Despina Stavros Angeliki Theodoros"""),
    "ro": words("""Andrei Ioana Mihai Elena Alexandru Raluca Cristian Bianca Sorin Irina
Vlad Anca Radu Oana Florin Simona Dorin Camelia"""),
    "ib": words("""João Ana Pedro Beatriz Rafael Inês Tiago Mariana Gonçalo Carolina Miguel
Luísa Diego Camila Alejandro Valentina Santiago Ximena Mateo Luciana Andrés Paola Ignacio
Renata Felipe Daniela Rodrigo Jimena Jordi Mireia Pau Laia Oriol Arnau Gemma Roser"""),
    "we": words("""Jeroen Annelies Maarten Sanne Wouter Femke Stefan Katrin Jörg Anja Tobias
Mareike Benoît Hélène Thibault Solène Guillaume Margaux Élodie Matthias Friederike Joost"""),
    "af": words("""Chidi Ngozi Oluwaseun Amara Kwabena Akosua Abebe Tigist Wanjiru Otieno
Thabo Lerato Sipho Nomvula Moussa Aminata Ousmane Fatou Mamadou Awa Ibrahima Khadija Tendai
Chipo Nuno Celestino Amadou Aissatou"""),
}
FAMILY = {
    "tr": words("""Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan
Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdoğan Güneş Aksoy Uçar Tekin"""),
    "ar": words("""El-Sayed Hassan Mansour Abdallah Haddad Khoury Nasser Saleh Farouk Youssef
Al-Harbi Al-Qahtani Al-Mansoori Bin Rashid Bennani Alaoui El Idrissi Tazi Berrada Chraibi
Mahmoud Shaheen Darwish Abou-Zeid Zaki"""),
    "fa": words("""Hosseini Moradi Karimi Rahimi Tehrani Jafari Sadeghi Ahmadi Rezaei Navabi"""),
    "in": words("""Sharma Patel Iyer Nair Reddy Gupta Menon Krishnan Mehta Rao Desai Joshi
Banerjee Chatterjee Pillai Agarwal Kulkarni Verma Bhatt Subramanian Chopra Malhotra"""),
    "th": words("""Srisuk Wongsawat Chaiyaporn Rattanakorn Suwannarat Thongchai Boonmee
Kittisak Phromma Saengchai Chantarasombat Jaidee"""),
    "vn": words("""Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly"""),
    "id": words("""Santoso Wijaya Kusuma Hartono Pratama Setiawan Gunawan Halim Nugroho
Saputra Hidayat Susanto Wibowo"""),
    "jp": words("""Sato Suzuki Takahashi Watanabe Ito Yamamoto Kobayashi Kato Yoshida Yamada
Sasaki Matsumoto Inoue Kimura Hayashi Shimizu Ogawa Fujita"""),
    "kr": words("""Kim Lee Park Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn"""),
    "cn": words("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Lin Xu Sun Ma Zhu Hu Guo He
Chang Tsai Hsu Cheng"""),
    "sl": words("""Nowak Wiśniewski Wójcik Kamińska Lewandowski Zieliński Dvořák Svoboda
Novotná Procházka Černý Horvat Kovačević Petrović Jovanović Marković Ivanova Sokolov Popov
Kuznetsova Babić Kralj Šimić Dąbrowska"""),
    "hu": words("""Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh
Papp Takács Juhász Lakatos Mészáros Oláh Szűcs"""),
    "gr": words("""Papadopoulos Georgiou Nikolaidis Konstantinou Dimitriou Papadaki Ioannou
Vlachos Karagiannis Alexiou Economou Makris Antoniadou Christodoulou Stavrou"""),
    "ro": words("""Popescu Ionescu Popa Stan Dumitru Stoica Gheorghe Matei Constantinescu
Munteanu Marinescu Radu Dobre Barbu Nistor Florea"""),
    "ib": words("""Ferreira Oliveira Costa Rodrigues Martins Carvalho Almeida Pereira Gomes
Ribeiro Fernández González Martínez López Sánchez Ramírez Torres Flores Rojas Morales Ortiz
Gutiérrez Mendoza Aguilar Herrera Vargas Castro Quispe Huamán Chávez Roca Vila Bosch Sala
Pujol Riera Font Camps Coll Vives"""),
    "we": words("""Bakker Visser Smit Mulder Meijer Dekker Brouwer Schneider Weber Wagner
Becker Hofmann Koch Richter Klein Wolf Bernard Dubois Lambert Fontaine Girard Rousseau
Lefebvre Mercier"""),
    "af": words("""Okonkwo Adeyemi Mensah Boateng Tesfaye Bekele Kamau Ochieng Dlamini Nkosi
Mokoena Diallo Ndiaye Diop Traoré Sow Fall Mutasa Moyo Banda Macuácua Cossa Sitoe Langa"""),
}
# Double surnames (Spanish, Portuguese), surname particles (Dutch, German, French, Arabic)
PARTICLES = {"ib": ["de", "da", "dos", "del", "de la"], "we": ["van", "van der", "van den",
                                                              "de", "von", "du", "de la", "le"],
             "ar": ["El", "Al", "bin", "ibn", "Abu"]}
# Names in their own scripts (family name first, as they are written)
NATIVE_NAMES = bars("""山田 太郎|佐藤 花子|鈴木 一郎|高橋 美咲|田中 健太|渡辺 陽子|伊藤 直樹|中村 さくら
|김민준|이서연|박지호|최유나|정현우|강은지|윤재원|한소진|오태양|임하은
|王芳|李伟|张静|刘洋|陈明|杨丽|黄磊|赵敏|周涛|林欣怡|陳怡君|張家豪|林志明|黃淑芬
|สมชาย ศรีสุข|สุภาพร วงศ์สวัสดิ์|ณัฐพงษ์ ชัยพร|กนกวรรณ บุญมี
|أحمد منصور|مريم حداد|يوسف الخوري|نور صالح|كريم فاروق
|Γιώργος Παπαδόπουλος|Ελένη Γεωργίου|Νίκος Ιωάννου|Σοφία Βλάχου
|Александр Соколов|Екатерина Иванова|Дмитрий Попов|Ольга Кузнецова
|Nguyễn Văn Minh|Trần Thị Lan|Lê Quang Huy|Phạm Thu Hương|Hoàng Đức Anh""")

HONORIFICS = bars("""Dr.|Dr|Prof.|Prof. Dr.|Prof. Dr.-Ing.|Dr.-Ing.|Dipl.-Ing.|Mr.|Mrs.|Ms.|Eng.
|Ing.|Arch.|Av.|Lic.|Ir.|Drs.|Mag.|Doç. Dr.|Sayın|Bay|Bayan|Sheikh|H.E.|Dott.ssa|Avv.|Engr.
|Assoc. Prof.|Asst. Prof.|Khun|Sr.|Sra.|Dra.|Me|Mgr.|Hon.|Rev.""")
POSTNOMINALS = bars("""PhD|Ph.D.|MBA|MSc|M.Sc.|MD|CPA|CFA|FCA|PE|P.Eng.|LL.M.|FRCS|MPH|DBA
|Dipl.-Kfm.|FCCA|ACCA|CISSP|PMP|MA|BSc|M.Eng.""")

# Company roots: invented words, place-like words and plain words of several languages
COMPANY_ROOTS = words("""Anadolu Boğaziçi Ege Marmara Karadeniz Yıldız Toros Nil Atlas Sahara
Oasis Cedar Zaytun Sakura Fuji Hikari Midori Kawa Hanbit Mirae Saebyeol Hanul Jinhua Longmen
Baihe Tianyu Lotus Chao Phraya Siam Mekong Saigon Hanoi Rong Sao Mai Nusantara Garuda Merapi
Bintang Danube Tisza Balaton Pannonia Olympos Aegean Kyma Attica Carpati Dacia Delta Andes
Inca Pacífico Cóndor Amazonas Tejo Douro Atlântico Kilimanjaro Zambezi Limpopo Baobab Teranga
Sahel Niger Ubuntu Savanna Indus Ganga Himal Deccan Kaveri Nordic Fjell Skog Havet Polar
Vistula Tatra Morava Adria Velebit Drava Baltic Amber Lumen Quanta Vektor Nexa Orbis Terranova
Veritas Solaris Aquila Helios Kestrel Cobalt Granit Prisma Zenit Stella Arcadia Meridian
Altura Brisa Corvus Ferro Kronos Lyra Novum Orion Pulsar Rubin Saffira Tessera Umbra Vela
Zephyr Agora Kivu Tana Zinder Marrakech Casablanca Safi Tanger Maputo Beira Inhambane
Dakar Thiès Ziguinchor Nairobi Lagos Accra Kumasi Bosphorus Izmir Kapadokya Pamukkale""")
COMPANY_TRADES = words("""Logistics Engineering Textiles Foods Pharma Energy Solar Water Trading
Holdings Group Partners Consulting Systems Technologies Software Robotics Shipping Marine
Ventures Capital Finance Insurance Realty Construction Cement Steel Chemicals Mining Agro
Organics Coffee Tea Spices Ceramics Furniture Print Media Studio Design Architects Analytics
Health Diagnostics Medical Biotech Telecom Networks Cloud Data Motors Aviation Travel Hotels
Resorts Retail Fashion Packaging Plastics Electronics Semiconductors Mobility Freight Ports
Infrastructure Renewables Fisheries Dairy Bakery Wines Brewery Education Learning Labs
Lojistik Tekstil Gıda İnşaat Enerji Yazılım Danışmanlık Teknoloji Bilişim Makina
Logistik Technik Bau Energie Handel Beratung Maschinenbau Automation Elektronik
Logística Ingeniería Construcciones Alimentos Energía Consultores Tecnología Seguros
Engenharia Construções Alimentos Tecnologia Transportes Agroindústria
Ingénierie Conseil Bâtiment Transports Informatique Distribution Industrie
Mérnöki Építő Informatika Kereskedelmi Inżynieria Budownictwo Technologie Stavby
Kỹ Thương Mại Shoji Sangyo Kogyo Denki Seiyaku Trading""")
# Legal forms by country, as they are written after the name (a few before it)
LEGAL_FORMS = {
    "de": bars("GmbH|AG|KG|GmbH & Co. KG|e.V.|UG (haftungsbeschränkt)|OHG|SE|gGmbH|eG"),
    "at": bars("GmbH|AG|KG|e.U.|Ges.m.b.H."),
    "ch": bars("AG|GmbH|SA|Sàrl"),
    "fr": bars("S.A.|SAS|S.A.S.|SARL|SASU|EURL|SCP|SNC"),
    "ma": bars("SARL|S.A.|SARL AU|SA"),
    "sn": bars("SUARL|SARL|S.A.|SA|GIE"),
    "es": bars("S.L.|S.A.|S.L.U.|S.Coop."),
    "it": bars("S.r.l.|S.p.A.|Srl|SpA|S.a.s.|S.n.c.|Soc. Coop."),
    "pt": bars("Lda.|Ltda.|S.A.|Unipessoal Lda."),
    "br": bars("Ltda.|S.A.|Ltda|EIRELI|ME"),
    "mx": bars("S.A. de C.V.|S. de R.L. de C.V.|S.A.P.I. de C.V.|S.C."),
    "pe": bars("S.A.C.|S.A.A.|E.I.R.L.|S.R.L.|S.A."),
    "ec": bars("Cía. Ltda.|S.A."),
    "cl": bars("SpA|Ltda.|S.A."),
    "tr": bars("A.Ş.|Ltd. Şti.|San. ve Tic. A.Ş.|San. ve Tic. Ltd. Şti.|A.S."),
    "pl": bars("Sp. z o.o.|S.A.|sp.k.|Sp. z o.o. Sp.k."),
    "cz": bars("s.r.o.|a.s.|spol. s r.o."),
    "sk": bars("s.r.o.|a.s."),
    "hu": bars("Kft.|Zrt.|Nyrt.|Bt.|Kft"),
    "hr": bars("d.o.o.|d.d."),
    "si": bars("d.o.o.|d.d."),
    "ro": bars("S.R.L.|SRL|S.A.|SA"),
    "gr": bars("S.A.|A.E.|IKE|E.P.E.|Ltd"),
    "ee": bars("OÜ|AS"),
    "se": bars("AB|HB|Aktiebolag"),
    "no": bars("AS|ASA|DA"),
    "dk": bars("A/S|ApS|I/S"),
    "fi": bars("Oy|Oyj|Ab"),
    "nl": bars("B.V.|BV|N.V.|NV|V.O.F.|C.V."),
    "be": bars("BV|NV|SRL|SA|VZW|ASBL|CommV"),
    "jp": bars("K.K.|Co., Ltd.|Corporation|Inc.|G.K."),
    "kr": bars("Co., Ltd.|Corp.|Inc."),
    "cn": bars("Co., Ltd.|Group Co., Ltd.|Limited"),
    "tw": bars("Co., Ltd.|Corp.|Inc."),
    "sg": bars("Pte. Ltd.|Pte Ltd|Ltd."),
    "my": bars("Sdn. Bhd.|Sdn Bhd|Berhad|Bhd."),
    "id": bars("Tbk|Tbk."),
    "th": bars("Co., Ltd.|Public Company Limited|Ltd., Part."),
    "vn": bars("JSC|Co., Ltd.|LLC|Joint Stock Company"),
    "in": bars("Pvt. Ltd.|Private Limited|Ltd.|LLP|Pvt Ltd"),
    "ae": bars("LLC|FZ-LLC|FZE|FZCO|L.L.C.|DMCC"),
    "bh": bars("W.L.L.|B.S.C.|WLL"),
    "qa": bars("W.L.L.|Q.P.S.C.|LLC"),
    "eg": bars("S.A.E.|LLC|Ltd."),
    "za": bars("(Pty) Ltd|(Pty) Ltd.|Ltd|NPC|Inc."),
    "mz": bars("Lda.|S.A.|Limitada"),
    "ng": bars("Ltd|Limited|PLC|Nigeria Ltd"),
    "ke": bars("Ltd|Limited|PLC"),
    "gb": bars("Ltd|Ltd.|Limited|PLC|plc|LLP|CIC"),
    "ie": bars("Ltd|DAC|Teoranta|UC"),
    "us": bars("Inc.|Inc|LLC|Corp.|Corporation|Co.|L.P.|LLP|P.C.|PLLC|Incorporated"),
    "ca": bars("Inc.|Ltd.|Ltée|Corp."),
    "au": bars("Pty Ltd|Pty. Ltd.|Limited"),
}
# Legal forms written before the name ("PT Garuda Nusantara Tbk", "CV Bintang")
LEADING_FORMS = {"id": ["PT", "PT.", "CV"], "my": [], "gr": [], "tr": []}

# Organisations without a legal form
UNIVERSITY = bars("""University of {p}|{p} University|{p} Technical University
|{p} University of Technology|Universidad de {p}|Universidad Nacional de {p}
|Universidade de {p}|Universidade Federal de {p}|Université de {p}|Université {p}
|Technische Universität {p}|Universität {p}|Università degli Studi di {p}|Politecnico di {p}
|{p} Üniversitesi|{p} Teknik Üniversitesi|Universitatea din {p}|{p} Egyetem
|National {p} University|{p} Institute of Technology|Institut Teknologi {p}|Universitas {p}
|Chulalongkorn {p} Institute|Aristotle University of {p}|University College {p}
|{p} Business School|École Supérieure de {p}|Hochschule {p}|{p} Polytechnic""")
FACULTY = bars("""Faculty of Engineering|Faculty of Medicine|Faculty of Law|Department of
Economics|Department of Computer Science|School of Public Health|Department of Civil
Engineering|Institute of Marine Sciences|Faculté des Sciences|Facultad de Ingeniería
|Fakultät für Informatik|Lehrstuhl für Werkstoffkunde|Faculdade de Economia|Department of
Chemistry|School of Architecture|Center for Climate Research|Graduate School of Management
|Mühendislik Fakültesi|Department of Molecular Biology""")
HOSPITAL = bars("""{p} General Hospital|{p} Medical Center|{p} Children's Hospital|Hospital
{p}|Hôpital {p}|Klinikum {p}|{p} Clinic|Clínica {p}|{p} Hastanesi|{p} Heart Institute
|{p} Eye Hospital|Centre Hospitalier de {p}|Policlinico {p}|{p} Dental Clinic""")
NGO = bars("""{p} Foundation|Fondation {p}|Fundación {p}|Stiftung {p}|{p} Trust|Friends of
{p}|{p} Association|Association {p}|{p} Society|{p} Institute|{p} Alliance|{p} Network
|{p} Council|{p} Cooperative|Cooperativa {p}|{p} Development Fund|{p} Women's Network
|{p} Youth Initiative|{p} Relief Organization|Instituto {p}|{p} Vakfı|{p} Derneği""")
PUBLIC = bars("""Ministry of Trade and Industry|Ministry of Health|Ministry of Agriculture
|Ministry of Energy and Mines|Ministère de l'Économie|Ministerio de Comercio Exterior
|Bundesministerium für Wirtschaft|Ministério das Finanças|{p} Port Authority|Port of {p}
|{p} Chamber of Commerce|{p} Chamber of Commerce and Industry|Chambre de Commerce de {p}
|Cámara de Comercio de {p}|IHK {p}|{p} Ticaret Odası|Municipality of {p}|City of {p}
|{p} City Council|Ayuntamiento de {p}|Mairie de {p}|Stadt {p}|Prefeitura de {p}
|{p} Investment Agency|{p} Development Authority|{p} Export Promotion Agency
|Agence Nationale de {p}|{p} Water Authority|{p} Regional Government|{p} Free Zone Authority
|{p} Customs Office|{p} Statistics Office|{p} Energy Regulatory Authority|Gemeente {p}
|Provincie {p}|Waterschap {p}|Landkreis {p}|Stadtwerke {p}|{p} Kommune|Comune di {p}
|Región de {p}|Regione {p}|Conseil Régional de {p}|Valilik {p}|{p} Belediyesi""")
PLACES = words("""Ankara Izmir Bursa Antalya Kyoto Osaka Sapporo Busan Incheon Daegu Taipei
Taichung Kaohsiung Hanoi Danang Hue Cairo Alexandria Giza Luxor Athens Patras Heraklion
Larissa Debrecen Szeged Pécs Győr Rabat Fez Agadir Oujda Maputo Nampula Quelimane Songkhla Seoul Cluj Iași Timișoara Brașov Lima Arequipa Cusco Trujillo Dakar
Saint-Louis Kaolack Sharjah Ajman Fujairah Surabaya Bandung Medan Pune Chennai
Kochi Mysore Porto Braga Coimbra Valencia Sevilla Zaragoza Lyon Nantes Lille Graz Linz
Leipzig Dresden Bremen Utrecht Groningen Tartu Brno Kraków Wrocław Gdańsk Split Zadar
Ljubljana Cork Galway Lagos Kano Mombasa Kisumu Arusha Kampala Windhoek Durban""")
PLACES += ["Chiang Mai", "Khon Kaen", "Abu Dhabi", "Novi Sad", "Ho Chi Minh City", "New Delhi"]

# Titles: whole titles (several languages), built from heads and areas as well
TITLES = bars("""Chief Executive Officer|Managing Director|General Manager|Country Manager
|Regional Director|Head of Procurement|Head of Business Development|Export Manager
|Import Manager|Purchasing Manager|Plant Manager|Quality Assurance Manager|Logistics
Coordinator|Supply Chain Manager|Project Engineer|Site Engineer|Chief Engineer
|Senior Project Manager|Key Account Manager|Regional Sales Manager|Area Sales Manager
|Marketing Director|Brand Manager|Finance Director|Chief Financial Officer|Financial
Controller|Treasurer|Company Secretary|Legal Counsel|Head of Legal|HR Director|Talent
Acquisition Lead|Operations Director|Chief Operating Officer|Chief Technology Officer
|Chief Information Officer|IT Manager|Software Architect|Lead Developer|Data Engineer
|Research Fellow|Postdoctoral Researcher|Senior Lecturer|Lecturer|Professor|Associate
Professor|Assistant Professor|Full Professor|Dean|Vice Dean|Rector|Vice-Rector|Provost
|Head of Department|Program Director|Programme Officer|Project Officer|Country Director
|Executive Director|Deputy Director|Deputy Director-General|Director-General|Secretary
General|Deputy Secretary General|Permanent Secretary|Undersecretary|Counsellor|Attaché
|Trade Commissioner|Commercial Attaché|Mayor|Deputy Mayor|Councillor|Harbour Master
|Port Director|Chairman|Chairwoman|Chairperson|Vice Chairman|Board Member|President
|Vice-President|Founder|Co-founder|Owner|Proprietor|Partner|Senior Partner|Associate
|Consultant|Principal Consultant|Chief Physician|Head Nurse|Medical Director|Consultant
Surgeon|Cardiologist|Radiologist|Pharmacist|Veterinarian|Architect|Agronomist
|Sustainability Manager|ESG Lead|Compliance Officer|Customs Broker|Freight Forwarder
|Shipping Agent|Trade Finance Specialist|Relationship Manager|Branch Manager|Underwriter
|Geschäftsführer|Geschäftsführerin|Bereichsleiter|Abteilungsleiterin|Vertriebsleiter
|Einkaufsleiterin|Projektingenieur|Wissenschaftliche Mitarbeiterin|Professor für Maschinenbau
|Leiter Qualitätssicherung|Prokurist|Vorstandsvorsitzender|Referentin für Außenwirtschaft
|Directeur Général|Directrice Générale|Directeur Commercial|Responsable Export|Chargée de
Mission|Chef de Projet|Ingénieur Commercial|Maître de Conférences|Directrice Administrative
et Financière|Gérant|Gérante|Président-Directeur Général|Conseiller Technique
|Director General|Directora General|Gerente General|Gerente Comercial|Jefe de Compras
|Jefa de Proyectos|Coordinadora de Exportaciones|Ingeniero de Proyectos|Catedrático
|Profesora Titular|Decano|Subdirector|Asesora Legal|Representante Legal
|Diretor Geral|Diretora Executiva|Gerente de Compras|Coordenador de Logística|Engenheira
Química|Professor Associado|Administrador Delegado|Sócio-Gerente|Técnica Superior
|Amministratore Unico|Direttore Generale|Responsabile Commerciale|Ingegnere|Professore
Ordinario|Ricercatrice|Export Area Manager|Genel Müdür|Genel Müdür Yardımcısı|Satış Müdürü
|Satın Alma Müdürü|Proje Yöneticisi|İhracat Sorumlusu|Yönetim Kurulu Başkanı
|Ügyvezető Igazgató|Értékesítési Vezető|Director Executiv|Director Vânzări|Manager de
Proiect|Prezes Zarządu|Dyrektor Handlowy|Kierownik Projektu|Jednatel|Obchodní ředitel
|Direktor|Tổng Giám đốc|Giám đốc Kinh doanh|Trưởng phòng|Daihyo Torishimariyaku
|Kacho|Bucho|Shacho""")
TITLE_HEADS = bars("""Director|Senior Director|Manager|Senior Manager|Head|Vice President|VP
|SVP|EVP|Deputy Head|Lead|Team Lead|Coordinator|Officer|Specialist|Senior Specialist
|Analyst|Advisor|Senior Advisor|Executive|Supervisor|Chief""")
TITLE_AREAS = bars("""Sales|Export Sales|Marketing|Operations|Procurement|Supply Chain
|Finance|Risk|Compliance|Legal Affairs|Human Resources|Research and Development|R&D
|Business Development|Strategy|Partnerships|Public Affairs|Government Relations
|Corporate Communications|Quality|Engineering|Production|Logistics|Customer Success
|Digital Transformation|Investor Relations|Treasury|Trade Finance|Internal Audit
|Sustainability|Innovation|IT Infrastructure|Product|Clinical Research|Medical Affairs
|International Relations|Academic Affairs|Student Services|Technology Transfer
|Programs|Grants|Field Operations|Humanitarian Affairs|Port Operations|Customs
|Investment Promotion|Trade Policy|Infrastructure Projects|Sales & Marketing
|Planning and Budget|Research & Innovation|Produktion & Technik|Marketing & Vertrieb
|Einkauf & Logistik|Qualität & Umwelt|Innovatie & Kwaliteit|Inkoop & Logistiek
|Calidad y Medio Ambiente|Compras y Logística|Qualidade e Inovação|Ventes & Partenariats
|Recherche & Développement|Strategy & Planning|Mergers & Acquisitions|Health & Safety
|Energy & Climate|Ar-Ge ve İnovasyon|Pazarlama ve Satış""")
REGIONS = bars("""EMEA|APAC|MENA|LATAM|Middle East & Africa|Southeast Asia|North Africa
|West Africa|Central & Eastern Europe|Gulf Region|Greater China|Japan|Korea|Vietnam|Turkey
|Iberia|DACH|Nordics|Benelux|Andean Region|Southern Africa|Maghreb|Balkans|CEE""")
ACADEMIC_FIELDS = bars("""Mechanical Engineering|Economics|Marine Biology|Public Health
|Computer Science|International Law|Materials Science|Urban Planning|Organic Chemistry
|Tropical Medicine|Agricultural Economics|Applied Mathematics|Renewable Energy Systems
|Hydraulic Engineering|Development Studies|Linguistics|Finance|Accounting|Architecture""")

# Phones: fictional numbers (555 blocks where a country has them, otherwise numbers in
# 555-like blocks) that phonenumbers reads as valid for their country; checked at import.
PHONES = bars("""+1 312 555 0147|+1 (646) 555-0198|+90 212 555 0134|+90 532 555 01 47
|+81 3 5550 6789|+81 90 5550 1234|+82 2 555 0178|+82 10 5550 1234|+886 2 2555 0147
|+886 912 555 014|+84 24 3555 0147|+84 912 555 014|+20 2 2555 0147|+20 100 555 0147
|+30 21 0555 0147|+30 694 555 0147|+36 1 555 0147|+36 30 555 0147|+212 522 555 014
|+212 661 555 014|+258 21 555 014|+258 84 555 0147|+971 4 555 0147|+971 50 555 0147
|+66 2 555 0147|+66 81 555 0147|+40 21 555 0147|+40 722 555 014|+51 1 555 0147
|+51 912 555 014|+221 33 855 01 47|+221 77 555 01 47|+91 22 5550 1472|+91 98555 01472
|+62 21 5550 147|+62 812 5550 1472|+55 11 5555 0147|+52 55 5555 0147|+34 915 550 147
|+351 21 555 0147|+49 30 5555 0147|+33 1 55 50 01 47|+48 22 555 01 47|+420 255 501 472
|+27 21 555 0147|+254 20 555 0147|+44 20 7946 0147|+44 113 496 0147|+65 6555 0147
|+60 3 5555 0147|+86 10 5555 0147|+7 495 555 01 47|+39 02 5550 0147|+31 20 555 0147""")
# The same kind of numbers written as dialled at home ("0212 555 01 47"), with their country
NATIONAL_PHONES = [("TR", "0212 555 01 47"), ("TR", "0532 555 01 47"), ("JP", "03-5550-6789"),
                   ("JP", "090-5550-1234"), ("KR", "02-555-0178"), ("KR", "010-5550-1234"),
                   ("TW", "02-2555-0147"), ("VN", "024 3555 0147"), ("EG", "02 2555 0147"),
                   ("GR", "210 555 0147"), ("HU", "06 1 555 0147"), ("MA", "0522-555014"),
                   ("AE", "04 555 0147"), ("AE", "050 555 0147"), ("TH", "02 555 0147"),
                   ("RO", "021 555 0147"), ("PE", "(01) 555 0147"), ("SN", "33 855 01 47"),
                   ("IN", "022 5550 1472"), ("ID", "021 5550 147"), ("NL", "020 555 0147"),
                   ("DE", "030 5555 0147"), ("FR", "01 55 50 01 47"), ("PT", "21 555 0147"),
                   ("BR", "(11) 5555-0147"), ("ES", "915 550 147"), ("PL", "22 555 01 47"),
                   ("GB", "0113 496 0147"), ("US", "(312) 555-0147"), ("US", "312.555.0147")]
PHONE_LABELS = bars("""Tel|Tel.|Tel:|T:|T|Phone|Phone:|Mobile:|Mob.|M|M:|Cell:|GSM|GSM:|Office
|Direct|Handy|Mobil:|Cep:|Cep|Telefon:|Tél.|Tél :|Portable|Teléfono:|Celular:|Móvil:
|Telemóvel:|Tlf.|Puh.|Mob|HP:|Tel/Fax:|Oficina:|Whatsapp:|WhatsApp""")
WEB_TLDS = ["com", "net", "org", "com.tr", "co.jp", "co.kr", "com.tw", "com.vn", "com.eg",
            "gr", "hu", "ma", "co.mz", "ae", "co.th", "ro", "com.pe", "sn", "de", "fr", "es",
            "com.br", "pt", "in", "co.id", "pl", "cz", "edu", "ac.jp", "edu.tr", "gov.ae"]
STREETS = bars("""Büyükdere Cad. No: 185|Levent, 34394 İstanbul|1-2-3 Marunouchi, Chiyoda-ku
|Tokyo 100-0005|123 Teheran-ro, Gangnam-gu|Seoul 06234|No. 88, Sec. 2, Zhongshan N. Rd.
|Taipei 10491|15 Trần Hưng Đạo, Hoàn Kiếm|Hà Nội|12 Tahrir Square|Cairo 11511|Vas. Sofias
45|106 76 Athens|Andrássy út 12|1061 Budapest|Bd Zerktouni 120|20000 Casablanca|Av. Julius
Nyerere 1234|Maputo|Sheikh Zayed Road, Tower 2|P.O. Box 55501, Dubai|999 Sukhumvit Road
|Bangkok 10110|Calea Victoriei 155|010073 București|Av. Javier Prado Este 488|Lima 27
|Rue Carnot x Rue Thiers|Dakar, Sénégal|Jl. Sudirman Kav. 52|Jakarta 12190
|Hauptstraße 5|80331 München|Level 12, 1 Raffles Place|Singapore 048616""")

# Companies named trade first, with a place or thing after a particle, as in Portuguese,
# Spanish, Italian and French ("Cerâmicas do Vale", "Bodegas del Monte", "Conserve della Valle")
TRADE_FIRST = bars("""Porcelanas|Transportes|Construtora|Laticínios|Vinhos|Quinta|Fazenda|Têxtil
|Serralharia|Moagem|Conservas|Bodegas|Aceites|Frutas|Maderas|Talleres|Hormigones|Productos
|Distribuidora|Cafés|Hilados|Conserve|Cantine|Oleificio|Mobilificio|Ceramiche|Officine
|Laboratoires|Fromagerie|Chocolaterie|Brasserie|Transports|Menuiserie|Verrerie|Tonnellerie""")
# Dutch and Flemish firms named trade first, an article before the name ("Bakkerij De Molen")
DUTCH_TRADES = bars("""Bakkerij|Brouwerij|Drukkerij|Kwekerij|Slagerij|Transportbedrijf|Bouwbedrijf
|Installatiebedrijf|Hoveniersbedrijf|Houthandel|Zeilmakerij|Kaasmakerij|Stoffeerderij""")
PARTICLE_PLACES = bars("""do Planalto|da Serra|do Norte|do Litoral|do Minho|dos Montes|da Ribeira
|do Rio|da Costa|das Flores|del Valle|del Sur|del Norte|de la Sierra|del Río|de Castilla
|del Monte|de los Andes|della Valle|del Lago|di Collina|del Borgo|dei Colli|du Lac|de la Loire
|des Alpes|du Nord|de Provence|du Val|des Monts""")
# Heads a title puts before its area without "of" ("Leiterin Vertrieb", "Jefe de Compras")
LOCAL_HEADS = bars("""Leiter|Leiterin|Direktor|Direktorin|Referent|Referentin|Head|Directeur
|Directrice|Responsable|Director de|Directora de|Gerente de|Jefe de|Jefa de|Diretor de
|Diretora de|Responsabile|Kierownik ds.|Dyrektor ds.|Manager|Coordinator|Coordinadora de""")
# Sentences of a note: no field of a card, though they name people, firms and jobs
PROSE = bars("""{g} runs {c} in {p} and is looking for a {t}.|{g} is the best {t} I know.
|{g}, meet {n}. {g2} is {t} at {c}.|Met {n} at the {p} fair last week.|{g} works at {c} as
{t} and wants an intro.|Had lunch with {g} in {p}, she is hiring.|{g} and {g2} both want the
deck.|Please send {g} the proposal before Friday.|Talked to {g} about the {p} project.|{g}
said the {t} at {c} will call us.|He leads the team in {p}.|She is moving to {c} next month.
|They need a {t} for the {p} office.|{g} knows everyone at {c}.|Thanks for introducing {g}.
|{g} would like to visit our plant in {p}.|Looking forward to working with {g}.""")

# A title's area in each language, and the heads written before it ("Gerente de Comercio
# Exterior", "Leiterin Qualitätsmanagement", "Director Revenue Management")
LANG_AREAS = {
    "en": bars("""Yield Management|Rail Operations|Berth Planning|Fleet Management
|Cargo Services|Payroll|Tenders and Contracts|Warehousing|Strategic Sourcing|Pricing|Licensing
|Leasing|Corporate Lending|Claims|Actuarial Services|Underwriting|Reinsurance|Catering
|Admissions|Alumni Relations|Outreach|Fundraising|Advocacy|Curriculum Development|Nursing
|Oncology|Pediatrics|Radiology|Pathology|Surgery|Dermatology|Neurology|Facilities
|Maintenance|Workplace Safety|Irrigation|Forestry|Tourism Development|Hospitality|Events
|Exhibitions|Sponsorship|Merchandising|E-commerce|Wholesale|Imports|Taxation|Controlling
|Reporting|Scheduling|Dispatch|Yard Operations|Vessel Planning|Institutional Sales
|Agricultural Finance|Maritime Affairs|Clinical Operations|Commercial Strategy|Member Services
|Land Acquisition|Water Resources|Urban Mobility|Channel Sales|Key Accounts|Global Sourcing"""),
    "de": bars("""Gastroenterologie|Vertrieb|Einkauf|Logistik|Personal|Controlling|Buchhaltung
|Qualitätsmanagement|Produktion|Entwicklung|Kundenservice|Unternehmenskommunikation
|Instandhaltung|Arbeitssicherheit|Innenrevision|Steuern|Beschaffung|Export|Radiologie
|Chirurgie|Anästhesie|Finanzen|Recht|Materialwirtschaft|Anwendungstechnik|Konstruktion"""),
    "es": bars("""Comercio Internacional|Vinculación con el Medio|Recursos Humanos|Operaciones|Compras
|Logística|Finanzas|Calidad|Ventas|Proyectos|Exportaciones|Relaciones Institucionales
|Desarrollo de Negocios|Mantenimiento|Producción|Cardiología|Innovación|Sostenibilidad
|Cooperación Internacional|Comunicación|Asuntos Regulatorios|Planta|Cobranzas|Tesorería"""),
    "pt": bars("""Comércio Internacional|Recursos Humanos|Operações|Compras|Logística|Finanças
|Qualidade|Vendas|Projetos|Exportação|Relações Institucionais|Manutenção|Produção|Marketing
|Suprimentos|Controladoria|Novos Negócios|Engenharia|Sustentabilidade|Tesouraria"""),
    "fr": bars("""Ressources Humaines|Achats|Logistique|Finances|Qualité|Ventes|Export|Relations
Publiques|Maintenance|Production|Cardiologie|Partenariats|Affaires Réglementaires
|Développement Commercial|Systèmes d'Information|Communication|Coopération"""),
    "it": bars("""Acquisti|Vendite|Logistica|Qualità|Produzione|Risorse Umane|Amministrazione
|Estero|Marketing|Ricerca e Sviluppo|Controllo di Gestione|Affari Legali"""),
}
LANG_HEADS = {
    "en": bars("""Director|Manager|Head|Senior Manager|Lead|Coordinator|Supervisor|Officer
|Specialist|Director of|Manager of|Head of|Vice President|Superintendent"""),
    "de": bars("""Leiter|Leiterin|Chefarzt|Chefärztin|Oberarzt|Oberärztin|Direktor|Direktorin
|Referent|Referentin|Abteilungsleiter|Abteilungsleiterin|Bereichsleiter|Teamleiter|Leitung"""),
    "es": bars("""Gerente de|Jefe de|Jefa de|Coordinador de|Coordinadora de|Director de
|Directora de|Responsable de|Subgerente de|Analista de|Encargado de|Asistente de"""),
    "pt": bars("""Diretor de|Diretora de|Gerente de|Coordenador de|Coordenadora de
|Supervisor de|Analista de|Assistente de|Chefe de"""),
    "fr": bars("""Responsable|Directeur|Directrice|Chef du service|Chargé de|Chargée de
|Responsable des|Directeur des|Directrice de la"""),
    "it": bars("""Responsabile|Direttore|Direttrice|Ufficio|Coordinatore|Responsabile Ufficio"""),
}
