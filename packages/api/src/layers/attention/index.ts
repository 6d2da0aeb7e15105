export { MultiHeadAttention, multiHeadAttention, type MultiHeadAttentionArgs } from './multi-head-attention';
