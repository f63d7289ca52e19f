<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plurals for Reader's %n messages. After editing:
     .venv/bin/pyside6-lrelease resources/translations/reader_en.ts -->
<TS version="2.1" language="en">
<context>
    <name>Reader</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and more: F3 walks through all %n mentions</source>
        <translation>
            <numerusform>… and more: F3 walks through the %n mention</numerusform>
            <numerusform>… and more: F3 walks through all %n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles in the library</source>
        <translation>
            <numerusform>%n article in the library</numerusform>
            <numerusform>%n articles in the library</numerusform>
        </translation>
    </message>
</context>
</TS>
