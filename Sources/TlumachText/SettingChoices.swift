import TlumachCore

// Configuration errors list the allowed spellings instead of naming the Swift type.
extension LanguageChoice: SettingChoice {}
extension EnglishDashStyle: SettingChoice {}
