# source: https://github.com/pytorch/tutorials/blob/main/beginner_source/basics/data_tutorial.py
import torch
from torch.utils.data import Dataset
from torch.utils.data import DataLoader

# The annotations CSV and the image files are replaced by a list of rows and seeded random images
torch.manual_seed(0)
annotations = [[f"img{i}.jpg", i % 10] for i in range(20)]
images = {f"data/img{i}.jpg": torch.randint(0, 256, (1, 28, 28), dtype=torch.uint8) for i in range(20)}

def read_image(path):
    return images[path]

class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        self.img_labels = annotations_file  # (pd.read_csv(annotations_file))
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = self.img_dir + "/" + self.img_labels[idx][0]  # (os.path.join, .iloc[idx, 0])
        image = read_image(img_path)
        label = self.img_labels[idx][1]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label

ds = CustomImageDataset(annotations, "data",
                        transform=lambda x: x.float() / 255,
                        target_transform=lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))
print(len(ds))
image, label = ds[3]
print(image.shape, image.dtype, label)

train_dataloader = DataLoader(ds, batch_size=8, shuffle=True)
for train_features, train_labels in train_dataloader:
    print(f"Feature batch shape: {train_features.size()}")
    print(f"Labels batch shape: {train_labels.size()}")
    print(train_labels)
