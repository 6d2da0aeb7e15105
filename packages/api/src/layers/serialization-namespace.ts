// `serialization.registerClass(MyLayer)`, as in tfjs.
export { registerClass, registerLayer, deserializeLayer as deserialize, serializeLayer as serialize } from './base/serialization';
