// The umbrella header: everything wasm/, tests/ and the CLI use.
#pragma once
#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/nn/nn.h"
#include "engine/optim/optim.h"
#include "engine/core/error.h"
#include "engine/core/tensor.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"
#include "engine/ops/value.h"
