# source: https://github.com/pytorch/tutorials/blob/main/beginner_source/basics/data_tutorial.py
import torch
from torch.utils.data import Dataset, TensorDataset
from torch.utils.data import DataLoader

# datasets.FashionMNIST replaced by seeded random tensors of the same shape (fewer images)
torch.manual_seed(0)
training_data = TensorDataset(torch.rand(300, 1, 28, 28), torch.randint(0, 10, (300,)))
test_data = TensorDataset(torch.rand(100, 1, 28, 28), torch.randint(0, 10, (100,)))

labels_map = {
    0: "T-Shirt",
    1: "Trouser",
    2: "Pullover",
    3: "Dress",
    4: "Coat",
    5: "Sandal",
    6: "Shirt",
    7: "Sneaker",
    8: "Bag",
    9: "Ankle Boot",
}
cols, rows = 3, 3
for i in range(1, cols * rows + 1):
    sample_idx = torch.randint(len(training_data), size=(1,)).item()
    img, label = training_data[sample_idx]
    print(i, sample_idx, labels_map[label.item()], img.squeeze().shape)  # (plt.title / plt.imshow)

train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)

# Display image and label.
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
img = train_features[0].squeeze()
label = train_labels[0]
print(f"Label: {label}")
