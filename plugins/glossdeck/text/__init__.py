"""The one home of escaping and prose rendering: HTML text and attributes, inline Markdown, JSON in
<script>, Mermaid source, Markdown prose to HTML and to plain text. No other module escapes."""
