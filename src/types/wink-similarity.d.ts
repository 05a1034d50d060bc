// wink-nlp declares its similarity helpers as 'wink-nlp/utilities/similarity'; under Node's ESM
// resolution the import needs the file extension, so the same declaration is re-exported under it.
declare module 'wink-nlp/utilities/similarity.js' {
  import similarity from 'wink-nlp/utilities/similarity';
  export default similarity;
}
