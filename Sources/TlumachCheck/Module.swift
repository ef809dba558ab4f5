// TlumachCheck: see the issue that builds it; this file keeps the module compiling until then.
import TlumachCore
