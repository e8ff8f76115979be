import { describe, expect, it } from "vitest";
import { proseLanguage } from "../../src/import/language.js";

const times = (paragraph: string, count: number): string[] => Array.from({ length: count }, () => paragraph);

const prose = {
  de: "Die Entwickler haben die neue Version am Mittwoch veröffentlicht, und sie ist nicht nur für den Mac gedacht: auch auf dem iPhone lässt sich das Programm mit einem Konto nutzen, das man sich bei dem Anbieter einrichtet.",
  fr: "Le texte a été adopté mardi par les députés, qui ont voté pour une large majorité. Le gouvernement se félicite du résultat, mais les opposants dénoncent une surveillance de masse et promettent de saisir le Conseil constitutionnel sur le sujet.",
  es: "El número de pacientes que esperan más de seis meses ha crecido en los últimos años, según los datos del ministerio, y las comunidades con más recortes son las que peor están, pero el Gobierno no ha dado sus cifras por hospitales.",
  it: "Il governo ha approvato il decreto che prevede nuove regole per le imprese, ma i sindacati non sono d'accordo e chiedono più tutele per i lavoratori della scuola e dei trasporti, anche nel settore privato, alla luce della crisi.",
  pt: "O governo anunciou também que não vai aumentar os impostos este ano, segundo o ministro, que falou com os jornalistas em Lisboa ao fim da reunião com uma delegação pelo acordo assinado pela maioria.",
  en: "The council voted on Tuesday to approve the plan, and it is expected that the first homes will be built this year. The mayor said that the decision was the right one for the city and that residents have waited for it.",
};

describe("proseLanguage", () => {
  it.each(Object.entries(prose))("%s prose → %s", (language, paragraph) => {
    expect(proseLanguage(times(paragraph, 3))).toBe(language);
  });

  it.each([
    ["a line or two: too few words to say", [prose.de.slice(0, 60)]],
    ["no prose at all", []],
    ["two languages in equal measure", [...times(prose.fr, 2), ...times(prose.en, 2)]],
  ])("%s → undefined", (_, paragraphs) => {
    expect(proseLanguage(paragraphs)).toBeUndefined();
  });

  it("keeps the article's language when it quotes another", () => {
    expect(proseLanguage([...times(prose.fr, 4), "“It is the right decision,” the minister said in English."])).toBe("fr");
  });
});
