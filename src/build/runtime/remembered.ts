/** `convert` with each result kept by its argument, for the life of the function returned: for names a build asks of again and again. */
export function remembered(convert: (text: string) => string): (text: string) => string {
  const results = new Map<string, string>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = convert(text);
      results.set(text, result);
    }
    return result;
  };
}
