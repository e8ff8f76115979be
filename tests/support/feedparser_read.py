"""Parse RSS and Atom files with feedparser and print what a reader would see, as JSON.

Usage: feedparser_read.py FILE...  (prints one JSON array, one object per file, in order)

Run it with Debian's /usr/bin/python3: python3-feedparser is installed for the
system interpreter, which is the parser many real feed readers embed.
"""

import calendar
import datetime
import json
import sys

import feedparser


def iso_utc(parsed):
    """feedparser normalizes every date to a UTC struct_time; print it as RFC 3339 to the second."""
    if parsed is None:
        return None
    instant = datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def person(detail):
    return {"name": detail.get("name"), "email": detail.get("email")}


def entry_record(entry):
    return {
        "id": entry.get("id"),
        "link": entry.get("link"),
        "title": entry.get("title"),
        "published": iso_utc(entry.get("published_parsed")),
        "updated": iso_utc(entry.get("updated_parsed")),
        "authors": [person(author) for author in entry.get("authors", [])],
        "tags": [tag.get("term") for tag in entry.get("tags", [])],
        "summary": entry.get("summary"),
        "content": [part.get("value") for part in entry.get("content", [])],
        "enclosures": [
            {"href": link.get("href"), "type": link.get("type"), "length": link.get("length")}
            for link in entry.get("links", [])
            if link.get("rel") == "enclosure"
        ],
        # feedparser keeps media:credit as a list of attribute dicts with the text under "content".
        "mediaCredit": [credit.get("content") for credit in entry.get("media_credit", [])],
    }


def file_record(path):
    # Bytes, not the path: feedparser would read a path that does not exist as a document.
    with open(path, "rb") as document:
        parsed = feedparser.parse(document.read())
    exception = parsed.get("bozo_exception")
    return {
        "file": path,
        "bozo": 1 if parsed.get("bozo") else 0,
        "bozoException": None if exception is None else f"{type(exception).__name__}: {exception}",
        "version": parsed.get("version") or None,
        "feedTitle": parsed.feed.get("title"),
        "entries": [entry_record(entry) for entry in parsed.entries],
    }


def main(paths):
    json.dump([file_record(path) for path in paths], sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
