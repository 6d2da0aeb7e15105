// TensorBoard event files: TFRecord framing, masked CRC32C, hand-written Event protos.
export { TensorBoard, type TensorBoardArgs } from './tensorboard';
export { EventFileWriter, frameRecord } from './record-writer';
export { crc32c, maskedCrc32c } from './crc32c';
export { encodeEvent, type ScalarValue } from './protobuf';
