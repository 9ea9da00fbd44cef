// torch.utils.data, written in the script language (see the comment at its top). Kept as a
// raw string so that native and wasm builds embed it without a build step.
#include "engine/lang/interp.h"

namespace tl::lang::detail {
extern const char* const kPreludeTorchUtilsData;
const char* const kPreludeTorchUtilsData = R"tlprelude(
# torch.utils.data for tensorlens scripts, written in the script language itself (run once per
# interpreter, when a script first uses torch.utils.data). Follows PyTorch 1.13: the same
# batches, the same collation, and the same draws from the global generator (a DataLoader
# iterator draws its base seed; a shuffling one then draws its sampler's seed and permutes with
# a generator seeded by it), so later random numbers match PyTorch's too.
import math
import torch


class Dataset:
    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")


class TensorDataset(Dataset):
    def __init__(self, *tensors):
        assert all(tensors[0].size(0) == tensor.size(0) for tensor in tensors), "Size mismatch between tensors"
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(tensor[index] for tensor in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


def random_split(dataset, lengths, generator=None):
    n = len(dataset)
    if abs(sum(lengths) - 1) < 1e-9 and sum(lengths) <= 1:
        subset_lengths = [int(math.floor(n * frac)) for frac in lengths]
        remainder = n - sum(subset_lengths)
        for i in range(remainder):
            subset_lengths[i % len(subset_lengths)] += 1
        lengths = subset_lengths
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    indices = torch.randperm(sum(lengths), generator=generator).tolist()
    result = []
    offset = 0
    for length in lengths:
        result.append(Subset(dataset, indices[offset:offset + length]))
        offset += length
    return result


def default_collate(batch):
    elem = batch[0]
    if isinstance(elem, torch.Tensor):
        return torch.stack(batch, 0)
    if isinstance(elem, bool):
        return torch.tensor(batch)
    if isinstance(elem, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, str):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, (tuple, list)):
        size = len(elem)
        if not all(len(e) == size for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(list(samples)) for samples in zip(*batch)]
    raise TypeError("default_collate: batch must contain tensors, numbers, dicts or lists; found " + type(elem).__name__)


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=2, persistent_workers=False):
        if sampler is not None or batch_sampler is not None or generator is not None:
            raise NotImplementedError("tensorlens' DataLoader supports batch_size, shuffle, drop_last and collate_fn")
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.num_workers = num_workers
        self.collate_fn = collate_fn if collate_fn is not None else default_collate

    def __len__(self):
        n = len(self.dataset)
        if self.batch_size is None:
            return n
        if self.drop_last:
            return n // self.batch_size
        return (n + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        _draw_seed()
        n = len(self.dataset)
        order = _randperm_with_seed(n, _draw_seed()) if self.shuffle else range(n)
        if self.batch_size is None:
            for i in order:
                yield self.dataset[i]
            return
        batch = []
        for i in order:
            batch.append(i)
            if len(batch) == self.batch_size:
                yield self.collate_fn([self.dataset[j] for j in batch])
                batch = []
        if len(batch) > 0 and not self.drop_last:
            yield self.collate_fn([self.dataset[j] for j in batch])
)tlprelude";
}  // namespace tl::lang::detail
