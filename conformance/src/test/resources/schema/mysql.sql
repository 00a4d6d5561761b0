-- The conformance models' tables on MySQL and MariaDB, with the column types of DESIGN.md's table (what
-- Django's migrate makes). Foreign keys have no ON DELETE clause, as Django's: adelete cascades.
SET FOREIGN_KEY_CHECKS = 0;
DROP TABLE IF EXISTS `note`, `invoice`, `account`, `sample`, `review`, `transaction`, `auth_user`;
SET FOREIGN_KEY_CHECKS = 1;

CREATE TABLE `auth_user` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `username` varchar(150) NOT NULL UNIQUE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `transaction` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `user_id` bigint NOT NULL,
  `amount` numeric(10, 2) NOT NULL,
  `description` varchar(200) NOT NULL,
  `category` varchar(50) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `review` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `transaction_id` bigint NOT NULL,
  `rating` double precision NULL,
  `due` date NULL,
  FOREIGN KEY (`transaction_id`) REFERENCES `transaction` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `sample` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `text` longtext NOT NULL,
  `label` varchar(20) NULL,
  `flag` bool NOT NULL,
  `maybe` bool NULL,
  `count` integer NOT NULL,
  `boxed_count` integer NULL,
  `big` bigint NOT NULL,
  `small` smallint NOT NULL,
  `ratio` double precision NOT NULL,
  `ratio32` real NOT NULL,
  `price` numeric(12, 4) NULL,
  `at` datetime(6) NULL,
  `offset_at` datetime(6) NULL,
  `day` date NULL,
  `local_at` datetime(6) NULL,
  `time` time(6) NULL,
  `uuid` char(32) NULL,
  `data` longblob NULL,
  `mood` varchar(6) NULL,
  `secret_code` longtext NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `account` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `name` varchar(50) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `invoice` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `account_id` bigint NOT NULL,
  FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `note` (
  `id` bigint AUTO_INCREMENT PRIMARY KEY,
  `account_id` bigint NULL,
  `text` longtext NOT NULL,
  FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
