/// Sample files more than one test target reads.

/// A TMX with every construct a lossless reader must keep.
public let richTMX = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE tmx SYSTEM "tmx14.dtd">
    <tmx version="1.4">
      <header creationtool="TestTool" creationtoolversion="1.0" segtype="sentence" o-tmf="test" adminlang="en-US"
              srclang="uk" datatype="html" creationdate="20240101T120000Z">
        <note>Header note &amp; more</note>
        <prop type="x-domain">news</prop>
        <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/></ude>
      </header>
      <body>
        <tu tuid="a-1" creationdate="20240102T101010Z" creationid="olena" changedate="20240301T090000Z" changeid="ivan" usagecount="3">
          <note>Перевірено редактором</note>
          <prop type="x-client">Укрінформ</prop>
          <note xml:lang="en">Second note</note>
          <tuv xml:lang="uk" creationdate="20240102T101010Z">
            <prop type="x-origin">article-7</prop>
            <seg>  Саміт <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>НАТО<ept i="1">&lt;/b&gt;</ept> у Вільнюсі<ph x="2" type="lb">&lt;br/&gt;</ph>	відбувся
    11 липня. <it pos="begin" x="3">&lt;i&gt;</it><hi type="em">дуже</hi> <ut>{\\b}</ut><ph x="4"><sub>виноска</sub></ph>&#13;</seg>
          </tuv>
          <tuv xml:lang="en-GB">
            <seg>  The <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>NATO<ept i="1">&lt;/b&gt;</ept> summit in Vilnius<ph x="2" type="lb">&lt;br/&gt;</ph>	took place on
    11 July. <it pos="begin" x="3">&lt;i&gt;</it><hi type="em">very</hi> <ut>{\\b}</ut><ph x="4"><sub>footnote</sub></ph>&#13;</seg>
          </tuv>
          <tuv xml:lang="ru"><seg>Саммит НАТО</seg></tuv>
        </tu>
        <tu><tuv xml:lang="uk"><seg><ph x="1"/> <ph x="2"/></seg></tuv><tuv xml:lang="en"><seg></seg></tuv></tu>
      </body>
    </tmx>
    """
