// Checks PowerShell files with the tree-sitter-powershell grammar. Usage: node ps-syntax.cjs GRAMMAR_DIR FILE...
// Prints "ok FILE" or every ERROR/MISSING node as "FILE:LINE:COL: ..." and exits 1.
const path = require('path');
const fs = require('fs');
const modules = path.join(process.argv[2], 'node_modules');
const { Parser, Language } = require(path.join(modules, 'web-tree-sitter', 'web-tree-sitter.cjs'));

(async () => {
  await Parser.init();
  const lang = await Language.load(path.join(modules, 'tree-sitter-powershell', 'tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(lang);
  let bad = 0;
  for (const file of process.argv.slice(3)) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const errors = [];
    // Crossing into wasm for every node is slow: only walk a tree that has an error, with one cursor.
    if (tree.rootNode.hasError) {
      const cursor = tree.walk();
      let more = true;
      while (more) {
        const n = cursor.currentNode;
        if (n.isError || n.isMissing) {
          errors.push(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.isMissing ? 'missing ' + n.type : 'syntax error near ' + JSON.stringify(n.text.slice(0, 40))}`);
        }
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) { more = false; break; }
        }
      }
      if (!errors.length) errors.push(`${file}: the grammar reports an error it does not locate`);
    }
    if (errors.length) { bad++; errors.forEach((e) => console.log(e)); } else { console.log('ok ' + file); }
  }
  process.exit(bad ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
