/** Types for the parts of `elfy` (CommonJS, untyped) that polyemu uses. */
declare module 'elfy' {
  namespace elfy {
    interface Header {
      class: string;
      endian: string;
      /** e_type / e_machine mapped through elfy's tables: may be undefined for unknown values */
      type: string | undefined;
      machine: string | undefined;
      version: number;
      entry: number;
      phoff: number;
      shoff: number;
      flags: number;
      ehsize: number;
      phentsize: number;
      phnum: number;
      shentsize: number;
      shnum: number;
      shstrndx: number;
    }
    interface Program {
      /** p_type name ('load', 'interp', 'gnu_stack', ...) or undefined when elfy does not know it */
      type: string | undefined;
      offset: number;
      vaddr: number;
      paddr: number;
      filesz: number;
      memsz: number;
      /** p_flags as { r, w, x } booleans */
      flags: Record<string, boolean | undefined>;
      align: number;
      data: Buffer;
    }
    class Parser {
      parseHeader(buf: Buffer): Header;
      parsePrograms(buf: Buffer, header: Header): Program[];
    }
    const constants: { entryType: Record<number, string>; machine: Record<number, string> };
    function parse(buf: Buffer): Header & { body: { programs: Program[] } };
  }
  const elfy: {
    Parser: typeof elfy.Parser;
    constants: typeof elfy.constants;
    parse: typeof elfy.parse;
  };
  export = elfy;
}
