import TlumachCheck
import TlumachFormats
import XCTest

/// False classes of the nineteenth round's judged samples (sets EN–ER: Firefox, Thunderbird, AppStream, PyPI
/// applications, Chromium; docs/check-evaluation.md), each pinned with its real example beside a true finding of
/// the same shape that must stay found.
final class SetENNoiseTests: XCTestCase {
    private func counted(_ pairs: [(String, String)]) -> [String] {
        documentFindings(pairs).filter { $0.severity >= .warning }.map(\.check)
    }

    /// Chromium: ICU MessageFormat's plural forms are words in braces, and Ukrainian writes more forms than English
    /// (one, few, many, other), so a catalog full of them is no catalog of Stellarium's links in braces; a
    /// placeholder lost from a form is still found, and so is a Stellarium link.
    func testMessageFormatChoicesAreNoLinksInBraces() {
        let chromium: [(String, String)] = [
            (
                "{SECONDS, plural, =1 {1 Second Ago} other {# Seconds Ago}}",
                "{SECONDS,plural, =1{1 секунду тому}one{# секунду тому}few{# секунди тому}many{# секунд тому}other{# секунди тому}}"
            ),
            (
                "{NUM_MINS, plural,\n       =1 {Created 1 minute ago}\n       other {Created {NUM_MINS} minutes ago}}",
                "{NUM_MINS,plural, =1{Створено 1 хвилину тому}one{Створено {NUM_MINS} хвилину тому}few{Створено {NUM_MINS} хвилини тому}many{Створено {NUM_MINS} хвилин тому}other{Створено {NUM_MINS} хвилини тому}}"
            ),
            (
                "{COUNT, plural,\n      =1 {Failed to send $1 to $2}\n      other {Failed to send $1 to $2}}",
                "{COUNT,plural, =1{Не вдалося надіслати $1 на пристрій $2}one{Не вдалося надіслати $1 на пристрій $2}few{Не вдалося надіслати $1 на пристрій $2}many{Не вдалося надіслати $1 на пристрій $2}other{Не вдалося надіслати $1 на пристрій $2}}"
            ),
        ]
        XCTAssertEqual(counted(chromium), [])
        let lost = chromium + [
            (
                "{COUNT, plural,\n      =1 {{COUNT} reused password}\n      other {{COUNT} reused passwords}}",
                "{COUNT,plural, =1{1 повторно використаний пароль}one{повторно використаний пароль}few{повторно використані паролі}many{повторно використаних паролів}other{повторно використаного пароля}}"
            )
        ]
        XCTAssertEqual(counted(lost), ["placeholder-mismatch"])
        let stellarium: [(String, String)] = [
            ("{The Stellarium Wiki} - general information.", "{Вікі Stellarium} — загальні відомості."),
            ("or a {third-party application} that can talk to Stellarium;", "або {стороння програма}, яка може обмінюватися даними зі Stellarium;"),
            ("Bug reports can be made {here}.", "Повідомити про помилки можна тут."),
        ]
        XCTAssertEqual(counted(stellarium), ["placeholder-mismatch"])
    }

    /// Chromium: "Didn\u2019t" carries an escape its build left in the text; its digits are no figure. A figure
    /// beside it is still compared.
    func testEscapesLeftInTheTextAreNoFigures() {
        XCTAssertEqual(defaultFindings("Didn\\u2019t receive your code? <link>Get new code</link>", "Не отримали код? <link>Отримати новий</link>"), [])
        XCTAssertEqual(defaultFindings("Didn\\u2019t receive your code in 30 seconds?", "Не отримали код за 20 секунд?"), ["number-mismatch", "number-mismatch"])
    }

    /// Firefox: a window's `.style` attribute (`width: 15.4em`) is sized by each language for its own words; a
    /// size said in a sentence is still a figure.
    func testStyleDeclarationsAreSizedPerLanguage() {
        XCTAssertEqual(defaultFindings("width: 15.4em", "width: 19.5em"), [])
        XCTAssertEqual(defaultFindings("min-width: 45em; min-height: 32em;", "min-width: 50em; min-height: 35em;"), [])
        XCTAssertEqual(defaultFindings("width: 600px; min-height: 550px;", "width: 690px; min-height: 610px;"), [])
        XCTAssertEqual(defaultFindings("Width: 15 characters", "Ширина: 16 символів"), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(defaultFindings("width: 35em", "ширина: 45em"), ["number-mismatch", "number-mismatch"])
    }

    /// Firefox: "About About" → "Про сторінки about:": the colon is the URI scheme's; a colon added to a label
    /// stays reported.
    func testAURISchemeKeepsItsColon() {
        XCTAssertEqual(defaultFindings("About About", "Про сторінки about:"), [])
        XCTAssertEqual(defaultFindings("About About", "Про сторінки:"), ["punctuation"])
    }

    /// Firefox's about:webauthn keeps "True" and "False", values the program prints; a word of the interface
    /// copied stays reported.
    func testValuesAProgramPrintsMayBeKept() {
        XCTAssertEqual(defaultFindings("False", "False"), [])
        XCTAssertEqual(defaultFindings("null", "null"), [])
        XCTAssertEqual(defaultFindings("Allow", "Allow"), ["untranslated"])
    }

    /// Chromium: a question turned into a request ("What content/URL were you casting?" → "Укажіть…", a prompt
    /// for Gemini "Can you find spots…?" → "Пошукай…"); a question answered as a statement stays reported.
    func testAQuestionTurnedIntoARequest() {
        XCTAssertEqual(defaultFindings("What content/URL were you casting?", "Укажіть тип контенту, який Ви транслювали, або URL-адресу."), [])
        XCTAssertEqual(
            defaultFindings(
                "I’m in the mood for a cozy café. Can you find spots nearby that are known for being quiet?",
                "Я хочу відвідати затишне кафе. Пошукай поблизу тихі й затишні місця."),
            [])
        XCTAssertEqual(defaultFindings("What content were you casting?", "Контент, який ви транслювали."), ["punctuation"])
        XCTAssertEqual(defaultFindings("Can you find spots nearby?", "Тихі місця поблизу."), ["punctuation"])
    }

    /// Chromium: a lead-in's colon said in words ("the following permissions:" → "наведені нижче дозволи."); a
    /// colon lost without such words stays reported.
    func testALeadInColonSaidInWords() {
        XCTAssertEqual(defaultFindings("This extension requests the following permissions:", "Цьому розширенню потрібні наведені нижче дозволи."), [])
        XCTAssertEqual(defaultFindings("Try the following tips:", "Виконайте вказівки нижче."), [])
        XCTAssertEqual(defaultFindings("This extension requests these permissions:", "Цьому розширенню потрібні ці дозволи."), ["punctuation"])
    }

    /// Chromium: a list item written as Ukrainian lists are, lower case and a semicolon; a semicolon added to a
    /// capitalised label stays reported.
    func testListItemsWrittenTheUkrainianWay() {
        XCTAssertEqual(defaultFindings("Installed apps & extensions in your work profile", "установлені додатки й розширення у вашому робочому профілі;"), [])
        XCTAssertEqual(defaultFindings("Installed apps", "Установлені додатки;"), ["punctuation"])
    }

    // MARK: help pages (sets ES, ET: GNOME's and MATE's help, Mallard and DocBook)

    /// evolution's help: commands and values kept as written, alone in their element or as a list of quoted
    /// values; a sentence around a command copied stays reported.
    func testCodeElementsAndQuotedValuesKept() {
        XCTAssertEqual(defaultFindings("<cmd> xdg-settings set default-url-scheme-handler https browser.desktop </cmd>", "<cmd> xdg-settings set default-url-scheme-handler https browser.desktop </cmd>"), [])
        XCTAssertEqual(defaultFindings("<screen>$ dconf read /org/mate/desktop/interface/enable-animations</screen>", "<screen>$ dconf read /org/mate/desktop/interface/enable-animations</screen>"), [])
        XCTAssertEqual(defaultFindings("\"none\", \"wallpaper\", \"centered\", \"scaled\", \"stretched\", \"zoom\", \"spanned\"", "\"none\", \"wallpaper\", \"centered\", \"scaled\", \"stretched\", \"zoom\", \"spanned\""), [])
        XCTAssertEqual(defaultFindings("Run <cmd>evolution --offline</cmd> to start offline.", "Run <cmd>evolution --offline</cmd> to start offline."), ["untranslated"])
    }

    /// evolution's help: a sentence that runs into the steps after it ("To mark a mail folder for offline use,")
    /// said as a lead-in ("…, виконайте такі дії:"); a colon added to a label stays reported.
    func testASentenceRunningIntoStepsSaidAsALeadIn() {
        XCTAssertEqual(defaultFindings("To mark a mail folder for offline use,", "Щоб позначити поштову теку для автономного користування, виконайте такі дії:"), [])
        XCTAssertEqual(defaultFindings("In a terminal window, type", "У вікні термінала, введіть таку команду:"), [])
        XCTAssertEqual(defaultFindings("Mail folder", "Поштова тека:"), ["punctuation"])
    }

    /// gnome-help: the source's full stop kept inside the link the target ends with; a full stop lost from inside
    /// it stays reported.
    func testAMarkKeptInsideTheClosingTags() {
        XCTAssertEqual(defaultFindings("<link>Take a screenshot of the entire screen.</link>.", "<link>Зробити знімок усього екрана.</link>"), [])
        XCTAssertEqual(defaultFindings("<link>Take a screenshot of the entire screen.</link>", "<link>Зробити знімок усього екрана</link>"), ["punctuation"])
    }

    /// mate-user-guide: a menu the source names twice, named once and then by a pronoun; one never named, and a
    /// parameter named twice (MediaWiki's `<var>`), stay missing.
    func testAnElementNamedTwiceMayBeNamedOnce() {
        XCTAssertEqual(
            defaultFindings(
                "If the <guibutton>Lock Screen</guibutton> button is present on a panel, click on the <guibutton>Lock Screen</guibutton> button.",
                "Якщо на панелі є кнопка <guibutton>Блокувати екран</guibutton> натисніть її."),
            [])
        XCTAssertEqual(
            defaultFindings("Click on the <guibutton>Lock Screen</guibutton> button.", "Натисніть кнопку блокування екрана."),
            ["placeholder-mismatch", "placeholder-mismatch"])
        XCTAssertEqual(
            defaultFindings("Use the <var>file</var> parameter, or send the <var>file</var>.", "Скористайтеся параметром <var>file</var>."),
            ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// gnome-devel-docs: "12-hour/24-hour" → "дванадцятигодинному або двадцятичотиригодинному" (tens and units in
    /// one compound), "both 2D and 3D" → "дво- та тривимірної" (a stem before a hyphen); a figure changed stays
    /// reported.
    func testCompoundsOfTensAndUnitsAndSharedStems() {
        XCTAssertEqual(defaultFindings("a setting for 12-hour/24-hour display", "параметр показу часу у дванадцятигодинному або двадцятичотиригодинному вигляді"), [])
        XCTAssertEqual(defaultFindings("adding physics interaction in both 2D and 3D environments", "для додавання фізичної взаємодії у середовищах дво- та тривимірної графіки"), [])
        XCTAssertEqual(defaultFindings("a setting for 24-hour display", "параметр показу часу у двадцятитригодинному вигляді"), ["number-mismatch"])
    }

    // MARK: KDE's handbooks (sets EU, EV: DocBook)

    /// krusader's and kmail's handbooks: DocBook's `<quote>` written as the language's quotation marks, either way,
    /// or (ksquares') a quoted name said in the translation's own words with no marks; a quotation whose words the
    /// target keeps bare stays reported.
    func testQuoteElementsWrittenAsMarks() {
        XCTAssertEqual(defaultFindings("New features in the &krusader;-2.0.0 <quote>Mars Pathfinder</quote> release", "Нові можливості у випуску &krusader;-2.0.0 «Mars Pathfinder»"), [])
        XCTAssertEqual(
            defaultFindings(
                "Most likely, the \"Date:\" header of these messages is broken and &kmail; cannot interpret it.",
                "Ймовірно, частину заголовка, <quote>Date:</quote>, цих повідомлень пошкоджено, і &kmail; не може її обробити."),
            [])
        XCTAssertEqual(defaultFindings("No. &ksquares; doesn't currently have an <quote>Undo</quote> feature.", "Ні. У поточній версії &ksquares; немає функції скасування ходів."), [])
        XCTAssertEqual(
            defaultFindings("Remote <quote>compare by content</quote> is done in parallel.", "Remote compare by content is done in parallel: віддалене порівняння."),
            ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// kate's and krusader's handbooks: a key, button or acronym named by an entity on one side and by its element
    /// on the other ("&MMB;" → "<mousebutton>середньою</mousebutton>", "<keycap>Return</keycap>" → "&Enter;"); an
    /// element lost with no entity in its place stays reported.
    func testElementsWrittenAsEntities() {
        XCTAssertEqual(
            defaultFindings(
                "Additionally, text selected with the mouse may be pasted by clicking the &MMB; at the desired position.",
                "Крім того, позначений текст можна вставити клацанням <mousebutton>середньою</mousebutton> кнопкою миші."),
            [])
        XCTAssertEqual(defaultFindings("<keycombo>&Ctrl; <keycap>Return</keycap></keycombo>", "<keycombo>&Ctrl;&Enter;</keycombo>"), [])
        XCTAssertEqual(defaultFindings("Press <keycombo>&Ctrl; <keycap>Return</keycap></keycombo>.", "Натисніть <keycombo>&Ctrl; Enter</keycombo>."), ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// KDE's entities take dots and hyphens ("&Carsten.Pfeiffer.mail;"): the last one's semicolon ends no sentence,
    /// and XML's closing tag may have a space before its end ("</KrusaderUserActions >").
    func testXMLNamesAsXMLWritesThem() {
        XCTAssertEqual(
            defaultFindings("Program copyright 1998-2000 &Carsten.Pfeiffer; &Carsten.Pfeiffer.mail;", "Авторські права на програму належать &Carsten.Pfeiffer; &Carsten.Pfeiffer.mail;, ©1998-2000"),
            [])
        XCTAssertEqual(
            defaultFindings(
                "This useraction: <programlisting> <KrusaderUserActions> <action name=\"search\" > </action> </KrusaderUserActions></programlisting>",
                "Ця дія: <programlisting> <KrusaderUserActions> <action name=\"search\" > </action> </KrusaderUserActions ></programlisting>"),
            [])
    }

    /// kmail's handbook: a list item ended with a full stop for the source's semicolon; krusader's: a metavariable in
    /// `<replaceable>` translated; kdesvn's: a scheme copied ("ksvn+file"); kate's: the ellipsis of a menu item the
    /// target ends with is no sentence's mark, so the full stop it lost is named as lost.
    func testListItemsMetavariablesSchemesAndMenuItems() {
        XCTAssertEqual(defaultFindings("Drag a message into the composer window – that message will then be attached;", "Перетягніть повідомлення до вікна редактора — його буде долучено."), [])
        XCTAssertEqual(
            defaultFindings("<userinput><replaceable>{foo_path}/krusader</replaceable></userinput>", "<userinput><replaceable>{якийсь_шлях}/krusader</replaceable></userinput>"), [])
        XCTAssertEqual(defaultFindings("ksvn+file", "ksvn+file"), [])
        XCTAssertEqual(defaultFindings("Open file", "Open file"), ["untranslated"])
        XCTAssertEqual(
            defaultFindingMessages(
                "Set it in the <menuchoice><guimenu>Settings</guimenu><guimenuitem>Configure Editor...</guimenuitem></menuchoice> menu.",
                "Вкажіть його у меню <menuchoice><guimenu>Параметри</guimenu><guimenuitem>Налаштувати редактор...</guimenuitem></menuchoice>"),
            ["end punctuation differs: the source ends with “.”, the target with nothing"])
    }

    /// kmail's handbook: an acronym written out in words ("<acronym>ISP</acronym>" → "постачальника послуг
    /// інтернету"); KDE's glossary: an entity after an address ("…/anonsvn.html&linkend;") is no part of it. An
    /// acronym kept without its element, and an address changed, stay reported.
    func testAcronymsWrittenOutAndEntitiesAfterAddresses() {
        XCTAssertEqual(
            defaultFindings("Fill them in with the information from your <acronym>ISP</acronym>.", "Заповніть їх даними, які надав постачальник послуг інтернету."), [])
        XCTAssertEqual(
            defaultFindings("Fill them in with the information from your <acronym>ISP</acronym>.", "Заповніть їх даними, які надав ваш ISP."),
            ["placeholder-mismatch", "placeholder-mismatch"])
        XCTAssertEqual(
            defaultFindings(
                "See <ulink url=\"http://developer.kde.org/source/anonsvn.html\">http://developer.kde.org/source/anonsvn.html&linkend;.&newpara;More</ulink>",
                "Див. <ulink url=\"http://developer.kde.org/source/anonsvn.html\">http://developer.kde.org/source/anonsvn.html&linkend;.&newpara;Докладніше</ulink>"),
            [])
        XCTAssertEqual(
            defaultFindings("See http://developer.kde.org/source/anonsvn.html&linkend;.", "Див. http://developer.kde.org/source/svn.html&linkend;."),
            ["url-mismatch", "url-mismatch"])
    }

    /// kmymoney's handbook (set EX, after every fix): a question that trails off asked outright; a statement that
    /// trails off turned into a question stays reported.
    func testATrailingQuestionAskedOutright() {
        XCTAssertEqual(
            defaultFindings(
                "Why isn't there an easy way to print some scheduled transactions, or part of the ledger, or ...",
                "Чому не передбачено простого способу надрукувати якісь заплановані операції, частину облікової книги чи щось інше?"),
            [])
        XCTAssertEqual(defaultFindings("You can print some transactions, or part of the ledger, or ...", "Можна надрукувати якісь операції чи щось інше?"), ["punctuation"])
    }
}
