import { InputLayer, type InputLayerArgs } from '../models/input-layer';

/** `layers.inputLayer({inputShape})`, for the first layer of a Sequential model. */
export const inputLayer = (args: InputLayerArgs): InputLayer => new InputLayer(args);
