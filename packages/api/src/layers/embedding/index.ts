export { Embedding, embedding, type EmbeddingArgs } from './embedding';
