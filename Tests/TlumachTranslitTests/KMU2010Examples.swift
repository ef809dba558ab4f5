/// The examples published in the table of Cabinet of Ministers of Ukraine Resolution No. 55 (27 January 2010):
/// one to five per letter, plus the two for note 1 (зг → zgh). 76 in all.
enum KMU2010Examples {
    static let official: [(cyrillic: String, latin: String)] = [
        ("Алушта", "Alushta"), ("Андрій", "Andrii"),
        ("Борщагівка", "Borshchahivka"), ("Борисенко", "Borysenko"),
        ("Вінниця", "Vinnytsia"), ("Володимир", "Volodymyr"),
        ("Гадяч", "Hadiach"), ("Богдан", "Bohdan"), ("Згурський", "Zghurskyi"),
        ("Ґалаґан", "Galagan"), ("Ґорґани", "Gorgany"),
        ("Донецьк", "Donetsk"), ("Дмитро", "Dmytro"),
        ("Рівне", "Rivne"), ("Олег", "Oleh"), ("Есмань", "Esman"),
        ("Єнакієве", "Yenakiieve"), ("Гаєвич", "Haievych"), ("Короп’є", "Koropie"),
        ("Житомир", "Zhytomyr"), ("Жанна", "Zhanna"), ("Жежелів", "Zhezheliv"),
        ("Закарпаття", "Zakarpattia"), ("Казимирчук", "Kazymyrchuk"),
        ("Медвин", "Medvyn"), ("Михайленко", "Mykhailenko"),
        ("Іванків", "Ivankiv"), ("Іващенко", "Ivashchenko"),
        ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"), ("Мар’їне", "Marine"),
        ("Йосипівка", "Yosypivka"), ("Стрий", "Stryi"), ("Олексій", "Oleksii"),
        ("Київ", "Kyiv"), ("Коваленко", "Kovalenko"),
        ("Лебедин", "Lebedyn"), ("Леонід", "Leonid"),
        ("Миколаїв", "Mykolaiv"), ("Маринич", "Marynych"),
        ("Ніжин", "Nizhyn"), ("Наталія", "Nataliia"),
        ("Одеса", "Odesa"), ("Онищенко", "Onyshchenko"),
        ("Полтава", "Poltava"), ("Петро", "Petro"),
        ("Решетилівка", "Reshetylivka"), ("Рибчинський", "Rybchynskyi"),
        ("Суми", "Sumy"), ("Соломія", "Solomiia"),
        ("Тернопіль", "Ternopil"), ("Троць", "Trots"),
        ("Ужгород", "Uzhhorod"), ("Уляна", "Uliana"),
        ("Фастів", "Fastiv"), ("Філіпчук", "Filipchuk"),
        ("Харків", "Kharkiv"), ("Христина", "Khrystyna"),
        ("Біла Церква", "Bila Tserkva"), ("Стеценко", "Stetsenko"),
        ("Чернівці", "Chernivtsi"), ("Шевченко", "Shevchenko"),
        ("Шостка", "Shostka"), ("Кишеньки", "Kyshenky"),
        ("Щербухи", "Shcherbukhy"), ("Гоща", "Hoshcha"), ("Гаращенко", "Harashchenko"),
        ("Юрій", "Yurii"), ("Корюківка", "Koriukivka"),
        ("Яготин", "Yahotyn"), ("Ярошенко", "Yaroshenko"), ("Костянтин", "Kostiantyn"), ("Знам’янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        // Note 1: зг is zgh.
        ("Згорани", "Zghorany"), ("Розгон", "Rozghon"),
    ]

    /// Further place and personal names spelled by the same table (as in the issue and common official usage).
    static let further: [(cyrillic: String, latin: String)] = [
        ("Вишгород", "Vyshhorod"), ("Дон", "Don"), ("Наєнко", "Naienko"), ("Іршава", "Irshava"),
        ("Ромни", "Romny"), ("Крюківка", "Kriukivka"), ("Ічня", "Ichnia"), ("Люботин", "Liubotyn"),
        ("Чернігів", "Chernihiv"), ("Біла Церква", "Bila Tserkva"), ("Запоріжжя", "Zaporizhzhia"),
        ("Львів", "Lviv"), ("Луганськ", "Luhansk"), ("Чорнобиль", "Chornobyl"), ("Дніпро", "Dnipro"),
        ("Кам’янець-Подільський", "Kamianets-Podilskyi"), ("Івано-Франківськ", "Ivano-Frankivsk"),
        ("Володимир Зеленський", "Volodymyr Zelenskyi"), ("Юлія", "Yuliia"), ("Мирослава", "Myroslava"),
        ("В’ячеслав", "Viacheslav"), ("Подвір’я", "Podviria"), ("Згурівка", "Zghurivka"),
    ]
}
